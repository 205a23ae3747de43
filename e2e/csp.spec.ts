// Every page under the Content Security Policy: opened in a real browser by an admin (and the main
// pages by a manager), each must load, hydrate and draw its charts without a single CSP violation.
// The page list comes from app/**/page.tsx, so a new page is covered without being listed here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { apiJson, logins, signInAndWait } from "./fixtures";

/** "/admin/users/[id]" for app/(app)/admin/users/[id]/page.tsx; route groups "(app)" leave no trace. */
function pagePaths(): string[] {
  const appDir = path.resolve("app"); // Playwright runs from the repository root (playwright.config.ts)
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => "/" + path.dirname(file).split(path.sep).filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment)).join("/"))
    .sort();
}

/** Records every CSP violation the page reports, as an event and as a console error. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy/i.test(message.text())) violations.push(message.text());
  });
  void page.exposeFunction("__reportCsp", (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}

async function openUnderPolicy(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  const policy = response!.headers()["content-security-policy"] ?? "";
  expect(policy, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy, url).not.toContain("unsafe-eval");
  expect(policy, url).toContain("frame-ancestors 'none'");
  await page.waitForLoadState("networkidle");
}

test("an admin opens every page, and a malformed address, without a CSP violation; charts are drawn", async ({ page }) => {
  test.setTimeout(240_000);
  const violations = watchViolations(page);
  await signInAndWait(page, logins.admin);
  const { users } = await apiJson<{ users: { id: string }[] }>(page, "/api/users");
  // An embed address that is not valid: its 401 page is under the policy too.
  const paths = pagePaths().map((p) => p.replace("[id]", users[0].id).replace("[token]", "not-a-valid-link"));
  expect(paths).toEqual(expect.arrayContaining(["/", "/sales", "/admin/users", `/admin/users/${users[0].id}`, "/login"]));
  expect(paths.filter((p) => p.includes("["))).toEqual([]);

  for (const url of [...paths.filter((p) => p !== "/login"), "/admin/users/%C0%AF"]) {
    await openUnderPolicy(page, url);
    expect(violations, url).toEqual([]);
  }
  // Scripts ran under the policy: Recharts draws only in the browser.
  await openUnderPolicy(page, "/sales");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  // A client-side navigation loads further scripts, which 'strict-dynamic' allows.
  await page.locator('a[href="/funnel"]').first().click();
  await expect(page).toHaveURL(/\/funnel/);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("a manager's pages and the sign-in page load without a CSP violation", async ({ page }) => {
  const violations = watchViolations(page);
  await openUnderPolicy(page, "/login");
  expect(violations).toEqual([]);
  await signInAndWait(page, logins.manager1);
  for (const url of ["/", "/deals", "/leads", "/settings/tokens", "/sales"]) {
    await openUnderPolicy(page, url);
    expect(violations, url).toEqual([]);
  }
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(violations).toEqual([]);
});
