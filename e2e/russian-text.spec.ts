// Chart tooltips in Russian. (That every page of every role speaks Russian is checked by the one
// page walk, e2e/accessibility.spec.ts, with e2e/russian-words.ts.)
import { expect, test } from "@playwright/test";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { apiJson, signInAndWait } from "./fixtures";
import { loginOf, waitForPageData } from "./page-walk";

test("chart tooltips name the series in Russian, with no space before the colon", async ({ page }) => {
  await signInAndWait(page, loginOf.admin);
  const t = dashboardMessages.ru;
  /** Hovers the chart at a point given as fractions of its size from the centre (a donut's hole shows nothing). */
  const tooltipOf = async (chart: string, fromCentre = { x: 0, y: 0 }) => {
    const surface = page.getByTestId(chart).locator(".recharts-wrapper");
    await surface.scrollIntoViewIfNeeded();
    const box = await surface.boundingBox();
    if (!box) throw new Error(`${chart} is not on the page`);
    // Two moves: Recharts picks the point under the pointer on a move inside the chart.
    const x = box.x + box.width * (0.5 + fromCentre.x);
    const y = box.y + box.height * (0.5 + fromCentre.y);
    await page.mouse.move(x - 4, y);
    await page.mouse.move(x, y);
    const tooltip = page.getByTestId(chart).locator(".recharts-tooltip-wrapper");
    await expect(tooltip).toContainText(":");
    return (await tooltip.innerText()).replace(/\s+/g, " ");
  };
  await page.goto("/?preset=last-12-months");
  await waitForPageData(page);
  const sparkline = await tooltipOf("revenue-sparkline");
  expect(sparkline).toMatch(new RegExp(`${t.overview.kpis.revenue}: [\\d\\s\\u202f\\u00a0]+ ₸`));
  expect(sparkline).not.toContain(" :");
  expect(sparkline).not.toMatch(/revenue/);

  await page.goto("/leads?preset=last-12-months");
  await waitForPageData(page);
  // The donut's slice names itself: the biggest source's name, then its leads.
  const report = await apiJson<{ rows: { sourceName: string | null; leads: number }[] }>(page, "/api/reports/leads-by-source?preset=last-12-months");
  const slices = report.rows.map((row) => row.sourceName ?? t.leads.notSet);
  // the top of the ring (radii 55–90 % of half the height): the first slice starts there
  const donut = await tooltipOf("source-pie", { x: 0.01, y: -0.36 });
  expect(slices.some((name) => donut.startsWith(`${name}: `)), donut).toBe(true);
  expect(donut).not.toContain(" :");
});
