// The Overview's "Attention" panel on the demo, whose history has three planted anomalies in its
// last whole week (db/demo/anomalies.ts): per role it lists what GET /api/anomalies gives that role;
// its loading and empty states; in English; and it fits a 390 px phone.
import { expect, test, type Page } from "@playwright/test";
import { apiJson, logins, signIn, signInAndWait } from "./fixtures";

type Row = { type: string; series: { label: string; department: string | null }; direction: string; severity: string };
const anomaliesOf = async (page: Page) => (await apiJson<{ rows: Row[] }>(page, "/api/anomalies")).rows;
const panel = (page: Page) => page.getByTestId("attention-panel");

test("an admin sees the planted anomalies: the silent source, the halved calls and the webhook outage", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/overview");
  await expect(panel(page).getByRole("heading", { name: "Требует внимания" })).toBeVisible();
  const rows = await anomaliesOf(page);
  await expect(panel(page).getByTestId("attention-item")).toHaveCount(rows.length);
  const items = panel(page).getByTestId("attention-item");
  await expect(items.filter({ hasText: "Лиды из источника «Веб-сайт»" }).filter({ hasText: "ниже обычного" }).first()).toBeVisible();
  await expect(items.filter({ hasText: "Звонки менеджера «Айгерим Нурланова»" }).filter({ hasText: "ниже обычного" }).first()).toBeVisible();
  await expect(page.locator('[data-testid="attention-item"][data-type="webhooks"]').first()).toContainText("ниже обычного");
  // The webhook outage: two days without any against the usual dozens: far outside the band.
  expect(rows.find((row) => row.type === "webhooks")?.severity).toBe("high");
  await test.info().attach("attention, admin", { body: await panel(page).screenshot(), contentType: "image/png" });
});

test("a director sees their department's series and managers, a manager only their own", async ({ page, browser }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/overview");
  const directorRows = await anomaliesOf(page);
  await expect(panel(page).getByTestId("attention-item")).toHaveCount(directorRows.length);
  // Never the organisation's webhooks; a department's own series name the department.
  expect(directorRows.some((row) => row.type === "webhooks")).toBe(false);
  for (const row of directorRows.filter((one) => ["leads_source", "leads_utm", "won_revenue"].includes(one.type))) expect(row.series.department).not.toBeNull();

  // Their own switch for anomaly e-mails: off survives a reload, then back on as the demo had it.
  const mailSwitch = panel(page).getByRole("checkbox", { name: "Присылать мне новые аномалии на e-mail" });
  await expect(mailSwitch).toBeChecked();
  await mailSwitch.uncheck();
  await expect(mailSwitch).not.toBeChecked();
  // The box shows the asked-for value at once; the server has it when the save returns.
  await expect.poll(async () => (await apiJson<{ enabled: boolean }>(page, "/api/anomalies/email-preference")).enabled).toBe(false);
  await page.reload();
  await expect(panel(page).getByRole("checkbox", { name: "Присылать мне новые аномалии на e-mail" })).not.toBeChecked();
  await panel(page).getByRole("checkbox", { name: "Присылать мне новые аномалии на e-mail" }).check();
  await expect.poll(async () => (await apiJson<{ enabled: boolean }>(page, "/api/anomalies/email-preference")).enabled).toBe(true);

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAndWait(manager, logins.manager1);
  await manager.goto("/overview");
  const own = await anomaliesOf(manager);
  await expect(panel(manager).getByTestId("attention-item")).toHaveCount(own.length);
  // Managers get no anomaly e-mails, so no switch.
  await expect(panel(manager).getByTestId("anomaly-mail-switch")).toHaveCount(0);
  // manager1 is Айгерим Нурланова, whose calls were halved: only her own activity series.
  expect(own.length).toBeGreaterThan(0);
  for (const row of own) {
    expect(["activities", "calls"]).toContain(row.type);
    expect(row.series.label).toBe("Айгерим Нурланова");
  }
  await managerContext.close();
});

test("the panel shows its loading state, then its empty state when nothing is unusual", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/anomalies", async (route) => {
    await held;
    await route.fulfill({ json: { from: "2026-11-23", to: "2026-12-06", rows: [] } });
  });
  await page.goto("/overview");
  await expect(panel(page).getByRole("status")).toHaveText("Загрузка…");
  release();
  await expect(page.getByTestId("attention-panel-empty")).toHaveText("Всё в пределах обычного: за последние 2 недели необычных дней нет.");
});

test("the panel speaks English after the language switch", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/overview");
  await expect(panel(page).getByRole("heading", { name: "Требует внимания" })).toBeVisible();
  await page.getByRole("button", { name: "EN" }).click();
  await expect(panel(page).getByRole("heading", { name: "Attention" })).toBeVisible();
  await expect(panel(page).getByTestId("attention-item").filter({ hasText: "Leads from source «Веб-сайт»" }).filter({ hasText: "below usual" }).first()).toBeVisible();
  await expect(panel(page).getByTestId("attention-item").first()).toContainText("instead of the usual ~");
  await page.getByRole("button", { name: "RU" }).click();
  await expect(panel(page).getByRole("heading", { name: "Требует внимания" })).toBeVisible();
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the Overview with its Attention panel fits the screen", async ({ page }, testInfo) => {
    await signIn(page, logins.admin);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto("/overview");
    await expect(panel(page).getByTestId("attention-item").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await testInfo.attach("attention on a 390 px phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  });
});
