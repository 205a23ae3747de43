// Conversation analysis end to end (issue 18): an admin turns analysis on and the queue analyses the
// demo's texts with the basic analyser; a director opens a lost deal from the Conversations dashboard
// and sees its objections and summary; the dashboard per role, a manager seeing only their own
// figures; on a 390 px phone in English; and the export. Analysis is turned off again at the end.
import { expect, test, type Page } from "@playwright/test";
import { formatNumber } from "../lib/format";
import { conversationsMessages } from "../lib/i18n/conversations-messages";
import { dealCardMessages } from "../lib/i18n/deal-card-messages";
import { fill } from "../lib/i18n/fill";
import { apiJson, logins, signInAndWait } from "./fixtures";

/** playwright.config.ts gives the e2e server this secret, so the spec can run the queue's cron. */
const CRON_SECRET = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-for-tests-only";

type Counts = { texts: number; analysed: number; total: number; price: number };
type Report = {
  rows: ({ managerId: string | null; managerName: string | null } & Counts)[];
  totals: Counts;
  lostDeals: { dealId: string; title: string; type: string | null }[];
  quotes: { type: string; quote: string }[];
};
type Card = { summary: { sentences: string[] } | null; conversation: { analysis: { objections: { type: string }[] } | null }[] };

async function setAnalysis(page: Page, isOn: boolean) {
  await page.goto("/admin/ai");
  const form = page.getByTestId("ai-settings-form");
  const enabled = form.getByLabel(/Отправлять тексты организации в модель/);
  if ((await enabled.isChecked()) !== isOn) await enabled.setChecked(isOn);
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status")).toContainText("Настройки сохранены.");
}

/** What the scheduler does every 5 minutes: GET /api/cron/ai until the queue is empty (bounded). */
async function drainQueue(page: Page) {
  for (let round = 0; round < 20; round++) {
    const response = await page.request.get("/api/cron/ai", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(response.status()).toBe(200);
    if (!((await response.json()) as { exhausted: boolean }).exhausted) return;
  }
  throw new Error("the analysis queue did not empty in 20 rounds");
}

test.describe.serial("conversation analysis", () => {
  test("an admin turns analysis on, and the queue analyses the texts of the last 90 days", async ({ page }) => {
    test.setTimeout(180_000);
    await signInAndWait(page, logins.admin);
    expect((await apiJson<Report>(page, "/api/reports/conversations")).totals.analysed).toBe(0);
    await setAnalysis(page, true);
    await drainQueue(page);
    const report = await apiJson<Report>(page, "/api/reports/conversations");
    expect(report.totals.analysed).toBeGreaterThan(0);
    expect(report.totals.total).toBeGreaterThan(0);
    await page.goto("/conversations");
    const m = conversationsMessages.ru;
    await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
    await expect(page.getByTestId("conversations-coverage")).toHaveText(fill(m.analysedOf, { analysed: formatNumber(report.totals.analysed, "ru"), texts: formatNumber(report.totals.texts, "ru") }));
  });

  test("a director opens a lost deal from the dashboard and sees its objections and summary", async ({ page }) => {
    await signInAndWait(page, logins.director);
    const report = await apiJson<Report>(page, "/api/reports/conversations");
    const lost = report.lostDeals.find((deal) => deal.type !== null);
    expect(lost, "a lost deal of the department with an objection").toBeDefined();
    await page.goto("/conversations");
    const entry = page.getByTestId("lost-deal").filter({ hasText: lost!.title }).first();
    await expect(entry.getByTestId("objection-tag")).toHaveText(conversationsMessages.ru.objection[lost!.type!]);
    await entry.getByRole("link", { name: lost!.title }).click();
    await expect(page).toHaveURL(new RegExp(`/deals/${lost!.dealId}$`));

    const card = await apiJson<Card>(page, `/api/deals/${lost!.dealId}`);
    const t = dealCardMessages.ru;
    const types = [...new Set(card.conversation.flatMap((text) => text.analysis?.objections.map((o) => o.type) ?? []))];
    expect(types).toContain(lost!.type);
    await expect(page.getByTestId("deal-objections")).toHaveText(`${t.insight.objections}: ${types.map((type) => t.analysis.objection[type as "price"]).join(", ")}`);
    expect(card.summary).not.toBeNull();
    await expect(page.getByTestId("deal-summary-text")).toHaveText(card.summary!.sentences.join(" "));
    await expect(page.getByTestId("deal-risk")).toHaveCount(0); // a lost deal is never "at risk"
  });

  // One test per role (each its own browser context), then the three compared.
  const seen: Record<string, Report> = {};
  for (const [who, email] of [["manager", logins.manager1], ["director", logins.director], ["admin", logins.admin]] as const) {
    test(`the dashboard as the ${who} shows the API's figures, a row per person`, async ({ page }) => {
      await signInAndWait(page, email);
      const report = await apiJson<Report>(page, "/api/reports/conversations");
      seen[who] = report;
      await page.goto("/conversations");
      const rows = page.getByTestId("objection-row");
      await expect(rows).toHaveCount(report.rows.length);
      const first = report.rows[0];
      await expect(rows.first()).toHaveAttribute("data-manager", first.managerName ?? conversationsMessages.ru.noManager);
      await expect(rows.first().getByTestId("count-total")).toHaveText(formatNumber(first.total, "ru"));
      await expect(rows.first().getByTestId("count-price")).toHaveText(formatNumber(first.price, "ru"));
    });
  }

  test("a manager sees only their own figures, the director the department's, the admin everyone's", () => {
    // the manager: one row, their own, with the same figures the admin sees for them
    expect(seen.manager.rows).toHaveLength(1);
    const own = seen.manager.rows[0];
    expect(seen.manager.totals).toMatchObject({ texts: own.texts, total: own.total, price: own.price });
    expect(seen.admin.rows.find((row) => row.managerId === own.managerId)).toMatchObject({ texts: own.texts, total: own.total, price: own.price });
    expect(seen.director.rows.length).toBeGreaterThan(1);
    expect(seen.admin.rows.length).toBeGreaterThan(seen.director.rows.length);
    expect(seen.admin.totals.texts).toBeGreaterThan(seen.director.totals.texts);
    expect(seen.director.totals.texts).toBeGreaterThan(seen.manager.totals.texts);
  });

  test("on a 390 px phone in English the dashboard reads without sideways scrolling, and a manager exports their own rows", async ({ page }) => {
    await signInAndWait(page, logins.manager1);
    await page.context().addCookies([{ name: "voronka-locale", value: "en", url: page.url() }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/conversations");
    const m = conversationsMessages.en;
    await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
    await expect(page.getByTestId("manager-objection-bars").locator("svg.recharts-surface")).toBeVisible();
    await expect(page.getByTestId("sentiment-line").locator("svg.recharts-surface")).toBeVisible();
    await expect(page.getByTestId("sentiment-line").locator(".recharts-line-dot").first()).toBeVisible();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);

    const report = await apiJson<Report>(page, "/api/reports/conversations");
    const csv = await page.request.get("/api/reports/conversations/export?format=csv&lang=en");
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines).toHaveLength(1 + report.rows.length + 1); // header, the manager's row, Total
    expect(lines[1]).toContain(report.rows[0].managerName!);
  });

  test("an admin turns analysis off again (the analyses stay)", async ({ page }) => {
    await signInAndWait(page, logins.admin);
    await setAnalysis(page, false);
    expect((await apiJson<Report>(page, "/api/reports/conversations")).totals.analysed).toBeGreaterThan(0);
  });
});
