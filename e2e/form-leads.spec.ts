// Site forms (issue 15): an admin adds a form source, Tilda posts a lead to its address (its
// connection check first), the lead shows as lost on the Leads dashboard until the CRM lead with
// the same phone — written differently — syncs from a Bitrix24 portal (the mock), then as reached.
// A director sees only what reached their department, never the lost list.
import { expect, test, type Page } from "@playwright/test";
import { b24Date } from "./mocks/bitrix24-data";
import { startBitrix24Mock, type Bitrix24Mock } from "./mocks/bitrix24-mock";
import { apiJson, logins, signInAndWait } from "./fixtures";
import { formatNumber } from "../lib/format";

type Figures = { formLeads: number; reached: number; lost: number };
type Forms = { totals: Figures; byForm: ({ form: string | null } & Figures)[]; lostList: { phone: string | null; form: string | null }[] };

let mock: Bitrix24Mock;
test.beforeAll(async () => {
  mock = await startBitrix24Mock({ deals: 20, seed: 15 });
});
test.afterAll(async () => {
  await mock.close();
});

const forms = async (page: Page, preset = "this-month") => (await apiJson<{ forms: Forms }>(page, `/api/reports/leads-by-source?preset=${preset}`)).forms;
const PHONE_IN_FORM = "8 (701) 555-12-34";
const PHONE_IN_CRM = "+7 701 555 1234";

test("an admin adds a form source, Tilda posts a lead, and it turns from lost to reached when the CRM lead syncs", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const add = page.getByRole("form", { name: "Добавить источник" });
  await add.getByLabel("Тип").selectOption("form");
  await add.getByLabel("Название").fill("Tilda (e2e)");
  // A form has no connection to choose and no credentials.
  await expect(add.getByLabel("Способ подключения")).toHaveCount(0);
  await add.getByRole("button", { name: "Добавить" }).click();
  const address = (await page.getByTestId("created-inbound-url").textContent())!.trim();
  expect(address).toMatch(/\/api\/webhooks\/form\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByText("Настройки сайта → Формы → Webhook")).toBeVisible();
  // The card hides the secret again; the source needs no sync.
  const card = page.getByRole("region", { name: "Tilda (e2e)" });
  await expect(card.getByTestId("inbound-url")).toContainText("/api/webhooks/form/");
  await expect(card.getByTestId("inbound-url")).not.toContainText(address.split("/").pop()!);
  await expect(card.getByRole("button", { name: "Синхронизировать" })).toHaveCount(0);

  // Tilda checks the receiver with test=test and wants "ok"; a wrong secret is refused.
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const check = await page.request.post(address, { headers: form, data: "test=test" });
  expect(check.status()).toBe(200);
  expect(await check.text()).toBe("ok");
  expect((await page.request.post(address.replace(/\/[^/]+$/, "/wrong-secret"), { headers: form, data: "test=test" })).status()).toBe(401);

  const before = await forms(page);
  const tilda = new URLSearchParams({ Name: "Тест Формы", Phone: PHONE_IN_FORM, Email: "test.form@example.kz", utm_source: "e2e-source", tranid: "467251:1515151", formid: "form15151515", formname: "Пробный урок (e2e)" });
  const posted = await page.request.post(address, { headers: form, data: tilda.toString() });
  expect(posted.status()).toBe(200);
  // Tilda retries on a slow answer: the same tranid is one lead.
  expect((await page.request.post(address, { headers: form, data: tilda.toString() })).status()).toBe(200);
  // Without a contact: 400, with the reason.
  const empty = await page.request.post(address, { headers: form, data: "Name=Без+контакта&formid=form1" });
  expect(empty.status()).toBe(400);

  await expect.poll(async () => (await forms(page)).totals.formLeads).toBe(before.totals.formLeads + 1);
  const lostNow = await forms(page);
  expect(lostNow.totals.lost).toBe(before.totals.lost + 1);
  expect(lostNow.lostList.filter((row) => row.phone === PHONE_IN_FORM)).toHaveLength(1);

  await page.goto("/leads?preset=this-month");
  const card2 = page.getByTestId("leads-forms");
  await expect(card2.getByRole("heading", { name: "Формы сайта" })).toBeVisible();
  const formRow = card2.getByTestId("forms-table-row").filter({ hasText: "Пробный урок (e2e)" });
  await expect(formRow.getByTestId("lost")).toHaveText("1");
  await expect(formRow.getByTestId("reached")).toHaveText("0");
  await expect(card2.getByTestId("forms-lost-row").filter({ hasText: PHONE_IN_FORM })).toHaveCount(1);
  await expect(card2.getByTestId("forms-table-totals").getByTestId("lost")).toHaveText(formatNumber(lostNow.totals.lost, "ru"));

  // The same person's contact and deal in the CRM, created now, the phone written another way.
  const contact = mock.state.mutations.add("contact", { NAME: "Тест", LAST_NAME: "Формы", PHONE: [{ ID: "990001", VALUE_TYPE: "MOBILE", VALUE: PHONE_IN_CRM, TYPE_ID: "PHONE" }], EMAIL: [] });
  const deal = mock.state.mutations.add("deal", { CONTACT_ID: contact.ID, TITLE: "Пробный урок" });
  const created = b24Date(Date.now() - 60_000);
  mock.state.tables.contact.put(Number(contact.ID), { ...contact, DATE_CREATE: created });
  mock.state.tables.deal.put(Number(deal.ID), { ...deal, DATE_CREATE: created });

  await page.goto("/admin/sources");
  await add.getByLabel("Тип").selectOption("bitrix24");
  await add.getByLabel("Название").fill("Портал (forms e2e)");
  await add.getByLabel("Входящий вебхук Bitrix24").fill(mock.webhookUrl);
  await add.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByTestId("created-check")).toContainText("Подключение проверено");
  const portal = page.getByRole("region", { name: "Портал (forms e2e)" });
  await portal.getByRole("button", { name: "Синхронизировать" }).click();
  await expect(portal.getByTestId("sync-history").getByRole("row").nth(1)).toContainText("готово", { timeout: 60_000 });

  const after = await forms(page);
  expect(after.totals).toMatchObject({ formLeads: lostNow.totals.formLeads, reached: lostNow.totals.reached + 1, lost: lostNow.totals.lost - 1 });
  expect(after.lostList.filter((row) => row.phone === PHONE_IN_FORM)).toHaveLength(0);
  await page.goto("/leads?preset=this-month");
  await expect(formRow.getByTestId("reached")).toHaveText("1");
  await expect(formRow.getByTestId("lost")).toHaveText("0");
  await expect(card2.getByTestId("forms-lost-row").filter({ hasText: PHONE_IN_FORM })).toHaveCount(0);
});

test("a director sees the form submissions that reached their department and no lost ones", async ({ page }) => {
  await signInAndWait(page, logins.director);
  // The demo's form submissions span the last 90 days: the default 12 months hold some that reached the department.
  const mine = await forms(page, "last-12-months");
  expect(mine.totals.formLeads).toBeGreaterThan(0);
  expect(mine.totals.lost).toBe(0);
  expect(mine.lostList).toEqual([]);
  // The e2e lead reached a portal manager linked to no user: outside the director's department.
  expect(mine.byForm.find((row) => row.form === "Пробный урок (e2e)")).toBeUndefined();
  await page.goto("/leads?preset=last-12-months");
  const card = page.getByTestId("leads-forms");
  await expect(card.getByText("потерянные заявки видит администратор")).toBeVisible();
  await expect(card.getByTestId("forms-lost-table")).toHaveCount(0);
  await expect(card.getByTestId("forms-table-totals").getByTestId("form-leads")).toHaveText(formatNumber(mine.totals.formLeads, "ru"));
  await expect(card.getByTestId("forms-table-totals").getByTestId("lost")).toHaveText("0");
});
