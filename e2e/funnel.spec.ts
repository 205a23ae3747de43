// The Funnel dashboard: a chart and a table of stages per pipeline, the period presets in the URL,
// and the same figures as the JSON API.
import { expect, test, type Page } from "@playwright/test";
import { formatNumber } from "../lib/format";
import { logins, signInAndWait } from "./fixtures";

type FunnelRow = { pipelineId: string; stageId: string; stageName: string; semantic: string; reachedCount: number; conversionFromPrevious: number | null; conversionFromFirst: number | null };
type FunnelReport = { rows: FunnelRow[]; totals: { pipelineId: string; wonCount: number; lostCount: number }[] };

async function reportOf(page: Page, query: string): Promise<FunnelReport> {
  const response = await page.request.get(`/api/reports/sales-funnel?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as FunnelReport;
}

const percent = (value: number | null) => (value === null ? "—" : new Intl.NumberFormat("ru-RU", { style: "percent", maximumFractionDigits: 1 }).format(value));

/** Every pipeline a deal reached shows each stage's reached count and conversions, and its won and lost deals. */
async function expectFunnelShows(page: Page, report: FunnelReport) {
  const reachedPipelines = new Set(report.rows.filter((row) => row.reachedCount > 0).map((row) => row.pipelineId));
  if (reachedPipelines.size === 0) {
    await expect(page.getByTestId("funnel-card-empty")).toBeVisible();
    return;
  }
  const shownRows = report.rows.filter((row) => reachedPipelines.has(row.pipelineId));
  await expect(page.getByTestId("funnel-row")).toHaveCount(shownRows.length);
  for (const row of shownRows) {
    const tr = page.locator(`[data-testid="funnel-row"][data-stage-id="${row.stageId}"]`);
    await expect(tr.getByTestId("stage-name")).toHaveText(row.stageName);
    await expect(tr.getByTestId("reached-count")).toHaveText(formatNumber(row.reachedCount, "ru"));
    await expect(tr.getByTestId("conversion-from-previous")).toHaveText(percent(row.conversionFromPrevious));
    await expect(tr.getByTestId("conversion-from-first")).toHaveText(percent(row.conversionFromFirst));
  }
  for (const total of report.totals.filter((t) => reachedPipelines.has(t.pipelineId))) {
    const pipeline = page.locator(`[data-pipeline-id="${total.pipelineId}"]`);
    await expect(pipeline.getByTestId("won-count")).toContainText(formatNumber(total.wonCount, "ru"));
    await expect(pipeline.getByTestId("lost-count")).toContainText(formatNumber(total.lostCount, "ru"));
  }
}

test("a director sees the funnel of each pipeline, switches to this year, and the table matches the API", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/funnel");
  await expect(page.getByRole("heading", { level: 1, name: "Воронка" })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("funnel-table").first()).toBeVisible();

  const lastTwelve = await reportOf(page, "");
  expect(lastTwelve.rows.some((row) => row.reachedCount > 0)).toBe(true);
  await expectFunnelShows(page, lastTwelve);
  // Won and lost stages come after the open ones, in green and red.
  await expect(page.locator('[data-testid="funnel-row"][data-semantic="won"]').first()).toBeVisible();

  await page.getByRole("button", { name: "Этот год" }).click();
  await expect(page).toHaveURL(/[?&]preset=this-year(&|$)/);
  await expect(page.getByRole("button", { name: "Этот год" })).toHaveAttribute("aria-pressed", "true");
  await expectFunnelShows(page, await reportOf(page, "preset=this-year"));

  // The URL is the view: the server renders the same figures again.
  await page.reload();
  await expectFunnelShows(page, await reportOf(page, "preset=this-year"));
});

test("a period with no deals shows the empty state", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/funnel?from=1990-01-01&to=1990-01-31");
  await expect(page.getByTestId("funnel-card-empty")).toBeVisible();
});

test("a manager sees the funnel of their own deals", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await page.goto("/funnel");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expectFunnelShows(page, await reportOf(page, ""));
  await expect(page.getByLabel("Менеджер", { exact: true })).toHaveCount(0);
});
