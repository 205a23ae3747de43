// Hosted mode (MULTI_ORG=true, docs/hosted.md) in a real browser: two organisations sign up through
// the page, each confirmed by the link in its e-mail; each sees only its own data; the operator (the
// demo admin, in OPERATOR_EMAILS) lists both and suspends one, whose admin is then shut out, then
// sets its quota and deletes it from its page.
// The shared webServer runs with one organisation, so this spec starts a server of its own (e2e/own-server.ts, as
// e2e/supabase-auth.spec.ts does) and an SMTP server the sign-up e-mails go to.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../lib/mail/test/smtp-sink";
import { DEMO_PASSWORD, logins } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";

test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_MULTI_ORG_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);
const smtpPort = Number(process.env.E2E_MULTI_ORG_SMTP_PORT ?? port + 1);
const appUrl = `http://127.0.0.1:${port}`;
const PASSWORD = "hosted-e2e-password";
const tag = randomUUID().slice(0, 6);
const orgs = {
  alpha: { organisation: `Альфа ${tag}`, email: `alpha-${tag}@hosted.test`, shop: "Магазин Альфа" },
  beta: { organisation: `Бета ${tag}`, email: `beta-${tag}@hosted.test`, shop: "Магазин Бета" },
};

let smtp: SmtpSink;
let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(200_000);
  smtp = await startSmtpSink({ port: smtpPort });
  server = await startOwnServer("multi-org", port, {
    AUTH_SECRET: "multi-org-e2e-secret-only-for-tests",
    MULTI_ORG: "true",
    OPERATOR_EMAILS: logins.admin,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Voronka <signup@voronka.test>",
  });
});

test.afterAll(async () => {
  server?.stop();
  await smtp?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/пароль/i).fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** Signs an organisation up on the page, follows the e-mailed link, signs in, and adds a shop source. */
async function signUpThroughTheUi(browser: Browser, org: (typeof orgs)["alpha"]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${appUrl}/login`);
  await page.getByRole("link", { name: "Зарегистрировать организацию" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.getByLabel("Название организации").fill(org.organisation);
  await page.getByLabel("Ваше имя").fill("Основатель");
  await page.getByLabel("E-mail").fill(org.email);
  await page.getByLabel(/Пароль/).fill(PASSWORD);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByTestId("sign-up-done")).toContainText("Мы отправили письмо со ссылкой подтверждения");

  // Not confirmed yet: the password opens nothing.
  await signIn(page, org.email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Неверный e-mail или пароль");

  const deadline = Date.now() + 15_000;
  let link: string | undefined;
  while (!link && Date.now() < deadline) {
    const message = smtp.messages.findLast((m) => !Array.isArray(m.to) && m.to?.value[0]?.address === org.email);
    link = /https?:\/\/\S+\/sign-up\/verify\?token=[\w-]+/.exec(message?.text ?? "")?.[0];
    if (!link) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(link, `the confirmation e-mail to ${org.email}`).toBeTruthy();
  await page.goto(link!);
  await page.getByRole("button", { name: "Подтвердить и создать" }).click();
  await expect(page.getByTestId("sign-up-verified")).toBeVisible();

  await signIn(page, org.email, PASSWORD);
  await expect(page.getByTestId("viewer-name")).toHaveText("Основатель");
  const added = await page.evaluate(async (name) => (await fetch("/api/sources", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "shop", name }) })).status, org.shop);
  expect(added).toBe(201);
  return page;
}

let alpha: Page;
let beta: Page;

test("two organisations sign up through the page, confirm by e-mail, and each sees only its own data", async ({ browser }) => {
  alpha = await signUpThroughTheUi(browser, orgs.alpha);
  beta = await signUpThroughTheUi(browser, orgs.beta);

  for (const [page, own, other] of [
    [alpha, orgs.alpha, orgs.beta],
    [beta, orgs.beta, orgs.alpha],
  ] as const) {
    await page.goto(`${appUrl}/admin/sources`);
    await expect(page.getByText(own.shop)).toBeVisible();
    await expect(page.getByText(other.shop)).toHaveCount(0);
    // The demo organisation on the same server has hundreds of deals; a new organisation has none.
    const deals = await page.evaluate(async () => ((await (await fetch("/api/deals")).json()) as { deals: unknown[] }).deals.length);
    expect(deals).toBe(0);
    const orgName = await page.evaluate(async () => ((await (await fetch("/api/org")).json()) as { org: { name: string } }).org.name);
    expect(orgName).toBe(own.organisation);
  }
});

test("the operator lists both organisations and suspends one, whose admin is then shut out", async ({ page }) => {
  await signIn(page, logins.admin, DEMO_PASSWORD);
  await expect(page.getByTestId("viewer-name")).toBeVisible();
  await page.goto(`${appUrl}/operator`);
  await expect(page.getByRole("heading", { name: "Организации" })).toBeVisible();
  const table = page.getByTestId("operator-organisations");
  const alphaRow = table.locator(`tr[data-org="${orgs.alpha.organisation}"]`);
  const betaRow = table.locator(`tr[data-org="${orgs.beta.organisation}"]`);
  // One user and one source each: their sizes, never their data.
  for (const row of [alphaRow, betaRow]) {
    await expect(row).toContainText("1 / 50");
    await expect(row.getByTestId("operator-org-status")).toHaveText("Работает");
  }
  await expect(table).not.toContainText(orgs.alpha.shop);

  await betaRow.getByRole("button", { name: "Приостановить" }).click();
  await expect(betaRow.getByTestId("operator-org-status")).toHaveText("Приостановлена");
  await expect(alphaRow.getByTestId("operator-org-status")).toHaveText("Работает");

  // Beta's open session ends, and its password no longer signs in; Alpha goes on.
  const refused = await beta.evaluate(async () => {
    const response = await fetch("/api/deals");
    return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
  });
  expect(refused).toEqual({ status: 403, code: "organisation_suspended" });
  await signIn(beta, orgs.beta.email, PASSWORD);
  await expect(beta.getByRole("alert").filter({ hasText: /./ })).toHaveText("Неверный e-mail или пароль");
  await alpha.goto(`${appUrl}/admin/sources`);
  await expect(alpha.getByText(orgs.alpha.shop)).toBeVisible();

  // Beta's quotas and deletion, on a phone: a quota saved; a name typed wrong refused beside its field; then deleted.
  await page.setViewportSize({ width: 390, height: 844 });
  await betaRow.getByRole("link", { name: "Лимиты и удаление" }).click();
  await expect(page.getByRole("heading", { name: orgs.beta.organisation, level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByLabel("Пользователи", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Сохранить лимиты" }).click();
  await expect(page.getByTestId("operator-quota-form").getByRole("status")).toHaveText("Лимиты сохранены.");
  const confirm = page.getByLabel(/введите название организации/);
  await confirm.fill(orgs.beta.organisation.toUpperCase());
  await page.getByRole("button", { name: "Удалить навсегда" }).click();
  await expect(page.locator("#confirm-name-error")).toHaveText("Введите название организации в точности как оно показано.");
  await confirm.fill(orgs.beta.organisation);
  await page.getByRole("button", { name: "Удалить навсегда" }).click();
  await expect(page).toHaveURL(`${appUrl}/operator`);
  await expect(table.locator(`tr[data-org="${orgs.beta.organisation}"]`)).toHaveCount(0);
  await expect(alphaRow).toBeVisible();
});
