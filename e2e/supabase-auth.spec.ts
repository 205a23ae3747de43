// Signing in through Supabase Auth (AUTH_PROVIDER=supabase) in a real browser, against the
// production build and a mock of Supabase Auth's HTTP API. The shared webServer of
// playwright.config.ts signs in with Auth.js, so this spec starts a server of its own (e2e/own-server.ts, as
// e2e/roles.spec.ts does) on a fresh embedded database with the demo organisation.
import { expect, test } from "@playwright/test";
import { startGoTrueMock, type GoTrueMock } from "../lib/auth/supabase/test/gotrue-mock";
import { DEMO_PASSWORD, logins } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";

test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const appUrl = `http://127.0.0.1:${port}`;
const SUPABASE_PASSWORD = "supabase-e2e-password";

let mock: GoTrueMock;
let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(200_000);
  mock = await startGoTrueMock();
  for (const email of [logins.admin, logins.manager1]) mock.addUser(email, SUPABASE_PASSWORD);
  mock.addUser("stranger@elsewhere.example", SUPABASE_PASSWORD);
  server = await startOwnServer("supabase", port, {
    AUTH_SECRET: "supabase-e2e-secret-only-for-tests",
    AUTH_PROVIDER: "supabase",
    SUPABASE_URL: mock.url,
    SUPABASE_ANON_KEY: "anon-key-of-the-mock-project",
  });
});

test.afterAll(async () => {
  server?.stop();
  await mock?.close();
});

test("the password signs in with Supabase as the Voronka user of that e-mail, and signing out ends it", async ({ page }) => {
  await page.goto(`${appUrl}/funnel`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ffunnel$/);
  await expect(page.getByRole("button", { name: "Прислать ссылку для входа" })).toBeVisible();
  // Voronka's own demo password is not Supabase's: refused as a wrong password.
  await page.getByLabel(/e-mail/i).fill(logins.manager1);
  await page.getByLabel(/пароль/i).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Неверный e-mail или пароль.");

  await page.getByLabel(/пароль/i).fill(SUPABASE_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(/\/funnel$/);
  await expect(page.getByTestId("viewer-role")).toContainText("Менеджер");
  const cookies = await page.context().cookies();
  expect(cookies.map((cookie) => cookie.name)).toContain("sb-127-auth-token");

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(mock.requests.filter((request) => request.path === "/logout")).toHaveLength(1);
  await page.goto(`${appUrl}/sales`);
  await expect(page).toHaveURL(/\/login/);
});

test("a magic link signs in in the browser that asked for it", async ({ page }) => {
  await page.goto(`${appUrl}/login?callbackUrl=%2Fsales`);
  await page.getByLabel(/e-mail/i).fill(logins.admin);
  await page.getByRole("button", { name: "Прислать ссылку для входа" }).click();
  await expect(page.getByRole("status").filter({ hasText: /ссылку/ })).toContainText(`Если для ${logins.admin} есть учётная запись`);
  const link = mock.lastLink(logins.admin)!;
  expect(link).toContain("/auth/v1/verify?token=");
  await page.goto(link);
  await expect(page).toHaveURL(`${appUrl}/sales`);
  await expect(page.getByTestId("viewer-role")).toContainText("Администратор");

  // The same link again, in a browser without a session: Supabase says it is used up, and the sign-in page says so.
  const other = await page.context().browser()!.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await expect(again).toHaveURL(/\/login\?error=otp_expired/);
  await expect(again.getByRole("alert").filter({ hasText: /./ })).toHaveText("Ссылка для входа устарела или уже использована: запросите новую.");
  await other.close();
});

test("an e-mail Supabase knows and Voronka does not is refused with a clear message", async ({ page }) => {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel(/e-mail/i).fill("stranger@elsewhere.example");
  await page.getByLabel(/пароль/i).fill(SUPABASE_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Для этого e-mail нет учётной записи в Воронке. Попросите администратора пригласить вас.");
  expect((await page.context().cookies()).filter((cookie) => cookie.name === "sb-127-auth-token")).toEqual([]);
});
