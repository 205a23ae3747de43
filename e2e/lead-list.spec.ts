// Clicking through to the leads behind a figure: a director opens the Leads dashboard, clicks the
// leads of the biggest source and sees that many leads — only the department's — and the CSV of
// the list holds them; an admin clicks a traffic team's leads on the Traffic dashboard.
import { expect, test, type Page } from "@playwright/test";
import { formatNumber, formatPlural } from "../lib/format";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { apiJson, DEALS_PAGE_SIZE, logins, signInAndWait } from "./fixtures";

type SourceReport = { rows: { source: string | null; leads: number; converted: number }[] };
type TrafficReport = { rows: { teamId: string | null; teamName: string | null; leads: number }[] };
type LeadsPage = { leads: { managerId: string | null }[]; total: number };

const t = dashboardMessages.ru.leadList;

/** The list shows `count` leads: the heading, and the rows of the first page. */
async function expectLeadList(page: Page, count: number) {
  await expect(page).toHaveURL(/\/leads\/list\?/);
  await expect(page.getByTestId("leads-total")).toHaveText(formatPlural(count, t.count, "ru"));
  await expect(page.getByTestId("lead-row")).toHaveCount(Math.min(count, DEALS_PAGE_SIZE));
}

test("a director clicks a source's leads on the Leads dashboard and sees that many of the department's leads", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.getByRole("link", { name: "Лиды", exact: true }).click();
  await expect(page.getByTestId("source-table")).toBeVisible();
  const report = await apiJson<SourceReport>(page, "/api/reports/leads-by-source");
  const top = report.rows[0];
  expect(top.leads).toBeGreaterThan(0);
  const row = page.getByTestId("source-table-row").first();
  await expect(row.getByTestId("leads")).toHaveText(formatNumber(top.leads, "ru"));
  await row.getByTestId("leads-link").click();

  await expectLeadList(page, top.leads);
  const params = new URL(page.url()).searchParams;
  expect(top.source === null ? params.get("notSet") : params.get("channel")).toBe(top.source ?? "channel");
  await expect(page.getByTestId("leads-bucket")).toContainText(top.source ?? t.notSetOf.channel);
  // Only the department's managers: every row names a manager, and the list accepts each as a
  // filter (another department's manager would be refused with 403).
  const shown = new Set(await page.getByTestId("lead-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-manager-id") ?? "")));
  expect(shown.has("")).toBe(false);
  for (const managerId of shown) expect((await apiJson<LeadsPage>(page, `/api/leads?limit=1&managerId=${managerId}`)).total).toBeGreaterThan(0);

  // The list's CSV holds the same leads: a header and one line per lead.
  const query = new URL(page.url()).search.slice(1);
  const csv = await page.request.get(`/api/leads/export?format=csv&${query}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(top.leads + 1);
});

test("an admin clicks a traffic team's leads and sees that many", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/traffic");
  await expect(page.getByTestId("traffic-table")).toBeVisible();
  const report = await apiJson<TrafficReport>(page, "/api/reports/traffic-teams");
  const team = report.rows.filter((row) => row.teamId !== null).sort((a, b) => b.leads - a.leads)[0];
  expect(team.leads).toBeGreaterThan(0);
  await page.getByTestId("traffic-row").filter({ hasText: team.teamName! }).getByTestId("team-leads-link").click();
  await expectLeadList(page, team.leads);
  await expect(page).toHaveURL(new RegExp(`teamId=${team.teamId}`));
  await expect(page.getByTestId("lead-team").first()).toHaveText(team.teamName!);
});
