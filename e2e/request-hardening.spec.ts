// Against the production server (scripts/serve.mjs): the security headers of pages and API answers,
// writes from another site (server actions and API routes), oversized bodies and addresses Next
// cannot decode. The requests are made as a browser of another site would make them.
import { expect, test, type Page } from "@playwright/test";
import { logins, signInAndWait } from "./fixtures";

const EVIL = { origin: "http://evil.example", "sec-fetch-site": "cross-site" };

/** The hidden field that names a server action, read from a form on the page. */
async function actionField(page: Page, form: string): Promise<string> {
  const name = await page.locator(`${form} input[type=hidden][name^="$ACTION_ID_"]`).first().getAttribute("name");
  expect(name).toBeTruthy();
  return name!;
}

test("pages carry the security headers; HSTS and upgrade-insecure-requests only over HTTPS", async ({ page }) => {
  const plain = await page.request.get("/login");
  const headers = plain.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");

  const behindTls = await page.request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(behindTls.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(behindTls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("every kind of /api answer says Cache-Control: no-store", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  const answers = [
    await page.request.get("/api/org"),
    await page.request.get("/api/health"),
    await page.request.get("/api/auth/session"),
    await page.request.get("/api/deals/00000000-0000-4000-8000-000000000000"), // no such deal (a malformed id is a 400 since the deal card)
    await page.request.get("/api/deals/%C0%AF"),
    // Answered by the direct webhook listener, ahead of Next.
    await page.request.post("/api/webhooks/shop/00000000-0000-4000-8000-000000000000", { data: "{}" }),
  ];
  expect(answers.map((a) => a.status())).toEqual([200, 200, 200, 404, 400, 404]);
  for (const answer of answers) {
    expect(answer.headers()["cache-control"], answer.url()).toBe("no-store");
    expect(answer.headers()["x-content-type-options"], answer.url()).toBe("nosniff");
  }
});

test("server actions from another site, or without an Origin, are refused with 403 and change nothing", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/deals");
  const locale = await actionField(page, 'form[aria-label="Language / Язык"]');
  const signOut = await actionField(page, "aside form");

  const crossSite = await page.request.post("/deals", { headers: EVIL, multipart: { [locale]: "", locale: "en" } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("cross_site_request");
  const noOrigin = await page.request.post("/deals", { multipart: { [locale]: "", locale: "en" } });
  expect(noOrigin.status()).toBe(403);
  const sameSiteOtherOrigin = await page.request.post("/deals", { headers: { origin: "http://localhost:1", "sec-fetch-site": "same-site" }, multipart: { [signOut]: "" } });
  expect(sameSiteOtherOrigin.status()).toBe(403);

  // Still Russian, still signed in.
  await page.reload();
  await expect(page.getByRole("link", { name: "Обзор" })).toBeVisible();
  await expect(page.getByTestId("viewer-name")).toBeVisible();

  // The same action from the page itself works: the language switch is a server action.
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
  await page.getByRole("button", { name: "RU", exact: true }).click();
  await expect(page.getByRole("link", { name: "Обзор" })).toBeVisible();
});

test("a server action body over 1 MiB is a 413, not a 500", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/deals");
  const locale = await actionField(page, 'form[aria-label="Language / Язык"]');
  const baseURL = new URL(page.url()).origin;
  const response = await page.request.post("/deals", { headers: { origin: baseURL }, multipart: { [locale]: "", locale: "x".repeat(1024 * 1024 + 1) } });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.code).toBe("payload_too_large");
});

test("API writes with the session cookie must come from this app and be JSON", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  const baseURL = new URL(page.url()).origin;
  const crossSite = await page.request.post("/api/tokens", { headers: { ...EVIL, "content-type": "text/plain" }, data: JSON.stringify({ name: "evil" }) });
  expect(crossSite.status()).toBe(403);
  const plainText = await page.request.post("/api/tokens", { headers: { origin: baseURL, "content-type": "text/plain" }, data: JSON.stringify({ name: "plain" }) });
  expect(plainText.status()).toBe(415);
  const huge = await page.request.post("/api/tokens", { headers: { origin: baseURL }, data: { name: "huge", padding: "x".repeat(2 * 1024 * 1024) } });
  expect(huge.status()).toBe(413);
  const { tokens } = (await (await page.request.get("/api/tokens")).json()) as { tokens: { name: string }[] };
  expect(tokens.map((t) => t.name)).not.toEqual(expect.arrayContaining(["evil"]));
  expect(tokens.map((t) => t.name)).not.toContain("plain");
  expect(tokens.map((t) => t.name)).not.toContain("huge");
});

test("the sign-in endpoint refuses a body over 1 MiB and a callbackUrl it cannot parse, without a 500", async ({ request }) => {
  const huge = await request.post("/api/auth/callback/credentials", { form: { email: "a@b.kz", password: "x".repeat(1024 * 1024) } });
  expect(huge.status()).toBe(413);
  const badCallback = await request.get("/api/auth/csrf?callbackUrl=http://host:x.evil.example/");
  expect(badCallback.status()).toBe(400);
  const foreign = await request.get("/api/auth/csrf?callbackUrl=http://host.evil.example/");
  expect(foreign.status()).toBe(200);
});

test("an address with a malformed percent escape is a 400 on the API (webhooks too) and the not-found page elsewhere, signed in or not", async ({ page, request }) => {
  for (const url of ["/api/deals/%C0%AF", "/api/reports/%E0%A4%A"]) {
    const answer = await request.get(url);
    expect(answer.status(), url).toBe(400);
    expect((await answer.json()).error.code).toBe("malformed_path");
  }
  const webhook = await request.post("/api/webhooks/shop/%C0%AF", { data: "{}" });
  expect(webhook.status()).toBe(400);

  const anonymous = await page.goto("/admin/users/%C0%AF");
  expect(anonymous!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  await signInAndWait(page, logins.admin);
  const signedIn = await page.goto("/admin/users/%C0%AF");
  expect(signedIn!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
});
