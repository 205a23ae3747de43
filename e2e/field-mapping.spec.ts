// An admin maps amoCRM fields to a UTM tag on the Sources page: the account's fields are listed by
// name, the old text field goes first and the tracking field second, saving re-reads the account
// with its progress shown like a sync, and the lead whose tag lives only in the old field lands in
// its traffic team. The demo's amoCRM source has no credentials, so the spec connects the mock.
import { expect, test, type Page } from "@playwright/test";
import { apiJson, logins, signInAndWait } from "./fixtures";
import { startAmoMock, type AmoMock } from "./mocks/amocrm-mock";
import { amoCustomFields } from "./mocks/amocrm-data";

const SEED = 7;
let mock: AmoMock;

test.beforeAll(async () => {
  // The account's 7 requests a second make the re-read last long enough to watch.
  mock = await startAmoMock({ leads: 300, seed: SEED });
  const old = amoCustomFields(SEED).leads.find((f) => f.name === "utm_source (старое поле)")!;
  mock.state.mutations.add("lead", {
    name: "Заявка со старым полем",
    custom_fields_values: [{ field_id: old.id, field_name: old.name, field_code: null, field_type: "text", values: [{ value: "fb_e2e" }] }],
  });
});
test.afterAll(async () => {
  await mock.close();
});

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

test("an admin maps an old text field to utm_source, watches the re-read, and the lead moves into its team", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const source = await post<{ id: string }>(page, "/api/sources", { kind: "amocrm", name: "amoCRM (поля)", baseUrl: mock.url, accessToken: mock.state.auth.longLivedToken });
  const team = await post<{ team: { id: string } }>(page, "/api/traffic-teams", { name: "Facebook (e2e)" });
  await post(page, "/api/attribution-rules", { teamId: team.team.id, field: "utm_source", match: "equals", pattern: "fb_e2e" });

  await page.reload();
  const card = page.getByRole("region", { name: "amoCRM (поля)" });
  const mapping = card.getByTestId("field-mapping");
  await mapping.getByText("Поля UTM-меток и идентификаторов кликов").click();
  // Read from the account: its fields by name; utm_source starts on its tracking field.
  const first = mapping.getByLabel("utm_source 1");
  await expect(first).toHaveValue(String(amoCustomFields(SEED).leads.find((f) => f.code === "UTM_SOURCE")!.id));
  await expect(first.locator("option")).toContainText(["— не брать —", "utm_source (UTM_SOURCE)", "utm_source (старое поле)"]);
  await expect(first.locator("option", { hasText: "Дата звонка" })).toHaveCount(0); // a date field holds no tag
  await first.selectOption({ label: "utm_source (старое поле)" });
  await mapping.getByLabel("utm_source 2").selectOption({ label: "utm_source (UTM_SOURCE)" });
  await mapping.getByRole("button", { name: "Сохранить и перечитать" }).click();
  await expect(mapping).toContainText("Сохранено. Сделки перечитываются — ход синхронизации ниже.");

  // The re-read is a sync run: its bars while it goes, then "done" in the history.
  await expect(card.getByTestId("sync-progress")).toBeVisible();
  await expect(card.getByTestId("sync-history").getByRole("row").nth(1)).toContainText("готово", { timeout: 120_000 });

  // The lead whose utm_source is only in the old field is now the team's.
  const deals = await apiJson<{ deals: { title: string }[] }>(page, `/api/deals?sourceId=${source.id}&teamId=${team.team.id}&from=2000-01-01&to=2030-12-31`);
  expect(deals.deals.map((deal) => deal.title)).toEqual(["Заявка со старым полем"]);

  // The choice is kept: after a reload the old field is still first.
  await page.reload();
  const again = page.getByRole("region", { name: "amoCRM (поля)" }).getByTestId("field-mapping");
  await again.getByText("Поля UTM-меток и идентификаторов кликов").click();
  await expect(again.getByLabel("utm_source 1")).toHaveValue(String(amoCustomFields(SEED).leads.find((f) => f.name === "utm_source (старое поле)")!.id));
});
