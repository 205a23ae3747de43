// Signing in with Supabase Auth (AUTH_PROVIDER=supabase) against a mock of its HTTP API: each step
// goes through @supabase/ssr's server client as a request would, with a browser's cookie jar kept
// between steps; who is signed in is then asked as every API route asks (viewerFromRequest).
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as magicLinkCallback } from "@/app/auth/callback/route";
import { users } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { viewerFromRequest } from "@/lib/api/viewer-from-request";
import { env } from "@/lib/env";
import { errorText } from "@/lib/i18n/describe-error";
import { proxy } from "@/proxy";
import { endAllSessions } from "../sessions";
import { requestCookieJar, supabaseAuth, type CookieToSet } from "./client";
import { completeSupabaseMagicLink, sendSupabaseMagicLink, signInErrorCode, signInWithSupabasePassword, signOutOfSupabase } from "./sign-in";
import { startGoTrueMock, type GoTrueMock } from "./test/gotrue-mock";

const ORIGIN = "http://localhost:3000";
// The first label of the Supabase URL's host: 127.0.0.1 → "127".
const SESSION_COOKIE = "sb-127-auth-token";
const PASSWORD = "supabase-password-1";

/** A browser's cookies for this app, kept between requests. */
class Browser {
  cookies = new Map<string, string>();
  header = () => [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
  request = (path: string) => new NextRequest(`${ORIGIN}${path}`, { headers: { cookie: this.header() } });
  jar = () => requestCookieJar(this.request("/"));
  take(written: CookieToSet[]) {
    for (const { name, value, options } of written) {
      if (value === "" || options.maxAge === 0) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  takeResponse(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))];
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=thu, 01 jan 1970/i.test(attribute));
      if (value === "" || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  session = () => this.cookies.get(SESSION_COOKIE) ?? [...this.cookies].filter(([name]) => name.startsWith(`${SESSION_COOKIE}.`)).map(([, value]) => value).join("");
}

let testDb: TestDb;
let f: OrgFixture;
let mock: GoTrueMock;
const saved = { AUTH_PROVIDER: env.AUTH_PROVIDER, SUPABASE_URL: env.SUPABASE_URL, SUPABASE_ANON_KEY: env.SUPABASE_ANON_KEY };

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  mock = await startGoTrueMock();
  Object.assign(env, { AUTH_PROVIDER: "supabase", SUPABASE_URL: mock.url, SUPABASE_ANON_KEY: "anon-key-of-the-mock-project" });
  for (const user of [f.users.admin, f.users.director, f.users.alice, f.users.bob, f.users.carol]) mock.addUser(user.email, PASSWORD);
});
afterAll(async () => {
  Object.assign(env, saved);
  await mock?.close();
  await testDb?.close();
});

const newAddress = () => `192.0.2.${randomInt(1, 255)}`;
const viewerOf = (browser: Browser) => viewerFromRequest(testDb.db, browser.request("/api/org"));

async function signIn(browser: Browser, email: string, password = PASSWORD) {
  const jar = browser.jar();
  const result = await signInWithSupabasePassword(testDb.db, await supabaseAuth(jar), email, password, { address: newAddress() });
  browser.take(jar.written);
  return result;
}

/** The proxy in front of a page or API route, as Next runs it. */
const throughProxy = async (browser: Browser, path: string): Promise<Response> => (await proxy(browser.request(path), {} as NextFetchEvent))!;

describe("password sign-in", () => {
  it("maps the Supabase user to the Voronka user of the same e-mail, whatever its case, with that user's role and department", async () => {
    const browser = new Browser();
    const result = await signIn(browser, f.users.director.email.toUpperCase());
    expect(result).toEqual({ ok: true, userId: f.users.director.id });
    // The session lives in @supabase/ssr's cookie: base64url of the session JSON.
    expect(browser.session()).toMatch(/^base64-/);
    const viewer = await viewerOf(browser);
    expect([viewer.userId, viewer.role, viewer.departmentId, viewer.orgId]).toEqual([f.users.director.id, "director", f.users.director.departmentId, f.org.id]);
    // What supabase-js sent: the anon key, and the API version that selects the `code` error shape.
    const token = mock.requests.find((request) => request.path === "/token")!;
    expect([token.headers.apikey, token.headers["x-supabase-api-version"]]).toEqual(["anon-key-of-the-mock-project", "2024-01-01"]);
    const [row] = await testDb.db.select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, f.users.director.id));
    expect(row.lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password with invalid_credentials, shown in the person's language", async () => {
    const browser = new Browser();
    expect(await signIn(browser, f.users.alice.email, "wrong-password")).toEqual({ ok: false, code: "invalid_credentials" });
    expect(browser.cookies.size).toBe(0);
    expect(errorText("en", { code: "invalid_credentials" })).toBe("Wrong e-mail or password.");
    expect(errorText("ru", { code: "invalid_credentials" })).toBe("Неверный e-mail или пароль.");
  });

  it("passes on an unconfirmed address as email_not_confirmed", async () => {
    mock.addUser("unconfirmed@test.voronka", PASSWORD, { confirmed: false });
    expect(await signIn(new Browser(), "unconfirmed@test.voronka")).toEqual({ ok: false, code: "email_not_confirmed" });
  });

  it("refuses an e-mail Voronka has no active user for, and signs its Supabase session out again", async () => {
    const stranger = mock.addUser(`stranger-${randomInt(1e9)}@elsewhere.example`, PASSWORD);
    const browser = new Browser();
    const logoutsBefore = mock.requests.filter((request) => request.path === "/logout").length;
    expect(await signIn(browser, stranger.email)).toEqual({ ok: false, code: "no_voronka_account" });
    expect(mock.requests.filter((request) => request.path === "/logout").length).toBe(logoutsBefore + 1);
    expect(browser.session()).toBe("");
    await expect(viewerOf(browser)).rejects.toMatchObject({ code: "unauthorized" });

    // A disabled user gets the very same answer: nothing tells an unknown address from a known one.
    const [disabled] = await testDb.db
      .insert(users)
      .values({ orgId: f.org.id, email: `disabled-${randomInt(1e9)}@test.voronka`, name: "Disabled", role: "manager", passwordHash: "!", isActive: false })
      .returning();
    mock.addUser(disabled.email, PASSWORD);
    expect(await signIn(new Browser(), disabled.email)).toEqual({ ok: false, code: "no_voronka_account" });
    expect(errorText("en", { code: "no_voronka_account" })).toBe("There is no Voronka account for this e-mail. Ask your admin to invite you.");
  });

  it("goes through Voronka's sign-in throttle: after five wrong passwords from one address, the right one waits", async () => {
    const address = newAddress();
    const attempt = async (password: string) => signInWithSupabasePassword(testDb.db, await supabaseAuth(new Browser().jar()), f.users.bob.email, password, { address });
    for (let i = 0; i < 5; i++) expect(await attempt(`guess-${i}`)).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await attempt(PASSWORD)).toEqual({ ok: false, code: "too_many_attempts" });
  });
});

describe("magic link", () => {
  it("round trip: the link's /verify redirects to the callback with ?code=, which signs the person in and goes on to the page", async () => {
    const browser = new Browser();
    const jar = browser.jar();
    const sent = await sendSupabaseMagicLink(testDb.db, await supabaseAuth(jar), f.users.carol.email, `${ORIGIN}/auth/callback?next=%2Fdeals`);
    expect(sent).toEqual({ ok: true });
    browser.take(jar.written);
    // PKCE: the verifier stays in this browser (in @supabase/ssr's verifier cookies); only its hash went to Supabase.
    expect([...browser.cookies.keys()].every((name) => name.startsWith(`${SESSION_COOKIE}-`) && name.endsWith("code-verifier"))).toBe(true);
    expect(browser.cookies.has(`${SESSION_COOKIE}-code-verifier`)).toBe(true);
    expect(mock.requests.at(-1)!.path).toBe("/otp");

    const link = mock.lastLink(f.users.carol.email)!;
    const verified = await fetch(link, { redirect: "manual" });
    expect(verified.status).toBe(303);
    const callbackUrl = new URL(verified.headers.get("location")!);
    expect([callbackUrl.pathname, callbackUrl.searchParams.get("next"), callbackUrl.searchParams.has("code")]).toEqual(["/auth/callback", "/deals", true]);

    const landed = await magicLinkCallback(new NextRequest(callbackUrl, { headers: { cookie: browser.header() } }));
    expect([landed.status, landed.headers.get("location")]).toEqual([303, "/deals"]);
    browser.takeResponse(landed);
    expect(browser.cookies.has(`${SESSION_COOKIE}-code-verifier`)).toBe(false);
    const viewer = await viewerOf(browser);
    expect([viewer.userId, viewer.role]).toEqual([f.users.carol.id, "manager"]);

    // The same link a second time: Supabase says otp_expired, the sign-in page says so.
    const again = await fetch(link, { redirect: "manual" });
    const refused = await magicLinkCallback(new NextRequest(again.headers.get("location")!, { headers: { cookie: browser.header() } }));
    expect(refused.headers.get("location")).toBe("/login?error=otp_expired&callbackUrl=%2Fdeals");
    expect(errorText("en", { code: "otp_expired" })).toBe("The sign-in link has expired or was already used: ask for a new one.");
  });

  it("a link opened in another browser (no verifier cookie) signs nobody in", async () => {
    const asking = new Browser();
    const jar = asking.jar();
    await sendSupabaseMagicLink(testDb.db, await supabaseAuth(jar), f.users.alice.email, `${ORIGIN}/auth/callback`);
    const verified = await fetch(mock.lastLink(f.users.alice.email)!, { redirect: "manual" });
    const other = new Browser();
    const landed = await magicLinkCallback(new NextRequest(verified.headers.get("location")!, { headers: { cookie: other.header() } }));
    expect(landed.headers.get("location")).toBe("/login?error=magic_link_invalid");
    expect(other.session()).toBe("");
  });

  it("answers an address with no Voronka user exactly as any other, and sends it nothing", async () => {
    const sentBefore = mock.outbox.length;
    expect(await sendSupabaseMagicLink(testDb.db, await supabaseAuth(new Browser().jar()), "nobody@elsewhere.example", `${ORIGIN}/auth/callback`)).toEqual({ ok: true });
    expect(mock.outbox.length).toBe(sentBefore);
  });

  it("passes on Supabase's e-mail limit as over_email_send_rate_limit", async () => {
    mock.settings.emailsPerHour = 0;
    try {
      const sent = await sendSupabaseMagicLink(testDb.db, await supabaseAuth(new Browser().jar()), f.users.bob.email, `${ORIGIN}/auth/callback`);
      expect(sent).toEqual({ ok: false, code: "over_email_send_rate_limit" });
    } finally {
      mock.settings.emailsPerHour = 30;
    }
  });

  it("refuses a magic link of an e-mail Voronka does not know when it completes (the user was disabled meanwhile)", async () => {
    const [temp] = await testDb.db.insert(users).values({ orgId: f.org.id, email: `temp-${randomInt(1e9)}@test.voronka`, name: "Temp", role: "manager", passwordHash: "!" }).returning();
    mock.addUser(temp.email, PASSWORD);
    const browser = new Browser();
    const jar = browser.jar();
    await sendSupabaseMagicLink(testDb.db, await supabaseAuth(jar), temp.email, `${ORIGIN}/auth/callback`);
    browser.take(jar.written);
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, temp.id));
    const verified = await fetch(mock.lastLink(temp.email)!, { redirect: "manual" });
    const code = new URL(verified.headers.get("location")!).searchParams.get("code")!;
    const callbackJar = browser.jar();
    expect(await completeSupabaseMagicLink(testDb.db, await supabaseAuth(callbackJar), code)).toEqual({ ok: false, code: "no_voronka_account" });
    browser.take(callbackJar.written);
    expect(browser.session()).toBe("");
  });
});

describe("an expired session", () => {
  async function expiredSession(email: string): Promise<Browser> {
    mock.settings.expiresIn = 1;
    const browser = new Browser();
    try {
      expect((await signIn(browser, email)).ok).toBe(true);
    } finally {
      mock.settings.expiresIn = 3600;
    }
    // Past the access token's expiry: the mock's /user refuses it from now on.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    return browser;
  }

  it("is refreshed by the proxy with its refresh token: new cookies on the response, with no-cache headers, and in the request the page reads", async () => {
    const browser = await expiredSession(f.users.alice.email);
    const before = browser.session();
    const response = await throughProxy(browser, "/deals");
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("private, no-cache, no-store, must-revalidate, max-age=0");
    expect([response.headers.get("expires"), response.headers.get("pragma")]).toEqual(["0", "no-cache"]);
    // The page behind the proxy reads the refreshed cookie (Next passes it on in this header).
    expect(response.headers.get("x-middleware-request-cookie") ?? "").toContain(SESSION_COOKIE);
    browser.takeResponse(response);
    expect(browser.session()).not.toBe(before);
    expect((await viewerOf(browser)).userId).toBe(f.users.alice.id);
  });

  it("refreshed by two requests at once: one wins, the other is signed out (cookies cleared, sent to sign in), nothing crashes", async () => {
    const browser = await expiredSession(f.users.bob.email);
    const [first, second] = await Promise.all([throughProxy(browser, "/deals"), throughProxy(browser, "/sales")]);
    const answers = [first, second].map((response) => ({ toLogin: (response.headers.get("location") ?? "").includes("/login"), sets: response.headers.getSetCookie().length > 0 }));
    expect(answers.filter((answer) => answer.toLogin)).toHaveLength(1);
    expect(answers.every((answer) => answer.sets)).toBe(true);

    const winner = new Browser();
    winner.cookies = new Map(browser.cookies);
    winner.takeResponse(first.headers.get("location") ? second : first);
    expect((await viewerOf(winner)).userId).toBe(f.users.bob.id);

    const loser = new Browser();
    loser.cookies = new Map(browser.cookies);
    loser.takeResponse(first.headers.get("location") ? first : second);
    expect(loser.session()).toBe("");
    await expect(viewerOf(loser)).rejects.toMatchObject({ code: "unauthorized" });
  });
});

describe("sign-out", () => {
  it("calls Supabase's logout and clears the cookies; a copy of the old cookie opens nothing", async () => {
    const browser = new Browser();
    await signIn(browser, f.users.admin.email);
    const copy = new Browser();
    copy.cookies = new Map(browser.cookies);
    expect((await viewerOf(copy)).userId).toBe(f.users.admin.id);

    const jar = browser.jar();
    await signOutOfSupabase(testDb.db, await supabaseAuth(jar));
    browser.take(jar.written);
    expect(browser.session()).toBe("");
    const logout = mock.requests.filter((request) => request.path === "/logout").at(-1)!;
    expect(logout.headers.authorization).toMatch(/^Bearer ey/);
    await expect(viewerOf(copy)).rejects.toMatchObject({ code: "unauthorized" });
  });
});

describe("ending every session of a person in Voronka", () => {
  it("ends their Supabase sessions too (disabled, or a password set by an admin): the session's sign-in time comes from its token", async () => {
    const browser = new Browser();
    await signIn(browser, f.users.carol.email);
    expect((await viewerOf(browser)).userId).toBe(f.users.carol.id);
    await endAllSessions(testDb.db, f.users.carol.id, new Date(Date.now() + 1000));
    await expect(viewerOf(browser)).rejects.toMatchObject({ code: "session_ended" });
    // Signing in again afterwards works.
    await testDb.db.update(users).set({ sessionsValidAfter: new Date(Date.now() - 60_000) }).where(eq(users.id, f.users.carol.id));
    const again = new Browser();
    await signIn(again, f.users.carol.email);
    expect((await viewerOf(again)).userId).toBe(f.users.carol.id);
  });
});

describe("Supabase's error codes on the sign-in page", () => {
  it("keeps the four a person can act on, folds the rest into Voronka's own", () => {
    const codes = ["invalid_credentials", "email_not_confirmed", "otp_expired", "over_email_send_rate_limit", "over_request_rate_limit", "flow_state_not_found", "bad_code_verifier", "unexpected_failure", null];
    expect(codes.map((code) => signInErrorCode({ code }))).toEqual([
      "invalid_credentials",
      "email_not_confirmed",
      "otp_expired",
      "over_email_send_rate_limit",
      "too_many_attempts",
      "magic_link_invalid",
      "magic_link_invalid",
      "auth_provider_failed",
      "auth_provider_failed",
    ]);
    expect(errorText("ru", { code: "over_email_send_rate_limit" })).toBe("Слишком много писем за короткое время: подождите несколько минут и попробуйте снова.");
    expect(errorText("en", { code: "email_not_confirmed" })).toBe("This address is not confirmed yet: open the e-mail from Supabase and confirm it.");
  });
});

describe("the GoTrue mock's error shapes", () => {
  it("answers with {code, message} and x-sb-error-code to supabase-js, with the older shape to a client without the API version", async () => {
    const request = (headers: Record<string, string>) =>
      fetch(`${mock.url}/auth/v1/token?grant_type=password`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email: "x@y.z", password: "p" }) });
    const versioned = await request({ "x-supabase-api-version": "2024-01-01" });
    expect([versioned.status, versioned.headers.get("x-sb-error-code"), await versioned.json()]).toEqual([400, "invalid_credentials", { code: "invalid_credentials", message: "Invalid login credentials" }]);
    const older = await request({});
    expect(await older.json()).toEqual({ code: 400, error_code: "invalid_credentials", msg: "Invalid login credentials" });
  });
});
