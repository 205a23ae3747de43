// An admin, on a phone-sized screen, maps Voronka's attribution confidence to an amoCRM lead field
// chosen from the account's own list, runs the dry run, turns writing on, and the mock account
// receives the value on every lead (docs/write-back.md). The demo's amoCRM source has no
// credentials, so the spec connects the mock and syncs it first.
import { expect, test, type Page } from "@playwright/test";
import { logins, signInAndWait } from "./fixtures";
import { startAmoMock, type AmoMock } from "./mocks/amocrm-mock";
import { amoCustomFields } from "./mocks/amocrm-data";

const SEED = 11;
const LEADS = 12;
const CONFIDENCE = amoCustomFields(SEED).leads.find((field) => field.name === "Уверенность атрибуции")!.id;
let mock: AmoMock;

test.beforeAll(async () => {
  mock = await startAmoMock({ leads: LEADS, seed: SEED });
});
test.afterAll(async () => {
  await mock.close();
});

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** How many of the account's leads hold a confidence in the mapped field. */
function leadsWithConfidence(): number {
  return mock.state.mutations.rows("lead").filter((row) => {
    const values = (row.custom_fields_values as { field_id: number; values: { value: unknown }[] }[] | null) ?? [];
    return values.some((value) => value.field_id === CONFIDENCE && ["high", "medium", "low"].includes(String(value.values[0]?.value)));
  }).length;
}

test("an admin maps a field, runs the dry run, turns writing on, and the CRM receives the values", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, logins.admin); // on a wide screen, where the signed-in name shows
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/sources");
  await post(page, "/api/sources", { kind: "amocrm", name: "amoCRM (запись)", baseUrl: mock.url, accessToken: mock.state.auth.longLivedToken });
  await page.reload();
  const card = page.getByRole("region", { name: "amoCRM (запись)" });
  await card.getByRole("button", { name: /Синхронизировать|Sync/ }).first().click();
  await expect(card.getByTestId("sync-history").getByRole("row").nth(1)).toContainText("готово", { timeout: 120_000 });

  const section = card.getByTestId("write-back");
  await section.getByText("Запись в CRM", { exact: true }).click();
  const confidence = section.getByLabel("Уверенность атрибуции");
  await expect(confidence.locator("option")).toContainText(["— не записывать —", "Трафик-команда", "Уверенность атрибуции"]);
  await expect(confidence.locator("option", { hasText: "Дата звонка" })).toHaveCount(0); // a date field cannot take a word
  await confidence.selectOption({ label: `Уверенность атрибуции (${CONFIDENCE})` });

  await section.getByRole("button", { name: "Пробный прогон" }).click();
  await expect(section).toContainText(`Изменится: сделок — ${LEADS}, контактов — 0, значений — ${LEADS}. Ничего не записано.`);
  expect(mock.state.writes.batches).toEqual([]);

  await section.getByLabel("Записывать в CRM").check();
  await section.getByRole("button", { name: "Сохранить" }).click();
  await expect(section).toContainText("Сохранено. Запись в CRM началась.");
  await expect.poll(leadsWithConfidence, { timeout: 30_000 }).toBe(LEADS);
  expect(mock.state.writes.batches).toEqual([{ path: "/api/v4/leads", size: LEADS }]);

  // The page fits the phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
