// The builder's figures equal the fixed dashboards' for the same cut: each measure cut by a dimension
// is set beside the report that shows it (sales by month, manager activity, leads by source, lead
// conversion) run on the same rows, with the arithmetic spelled out. Scope: manager, director, admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addActivity, addSourcedLead } from "@/db/test/activity-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { loadViewer } from "@/lib/auth/viewer";
import { resolvePeriod, type ReportFilters } from "../filters";
import { getLeadConversion } from "../lead-conversion";
import { getLeadsBySource } from "../leads-by-source";
import { getManagerActivity } from "../manager-activity";
import type { ReportContext } from "../report";
import { getSalesByMonth } from "../sales-by-month";
import type { Dimension, Measure } from "./catalogue";
import { customReportSchema, type CustomReportRequest } from "./request";
import { runCustomReport } from "./run-custom-report";

let testDb: TestDb;
let f: OrgFixture;
const now = new Date("2025-05-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
// March and April 2025 in Almaty (UTC+5)
const period = { from: "2025-03-01", to: "2025-04-30" };
type Who = keyof OrgFixture["users"];

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  const db = testDb.db;
  await f.addRate("USD", "2025-03-01", "500");
  // Won: alice 100 000 ₸ (1 Feb → 5 Mar, 32 days) and 200 $ × 500 = 100 000 ₸ (1 → 12 Mar, 11 days);
  // bob 50 000 ₸ closed 28 Feb 19:30 UTC = 1 March 00:30 in Almaty (1 Feb 10:00 → 27 days 9.5 h = 27.4 days);
  // carol 70 000 ₸ in April (1 → 3 Apr, 2 days). Lost: alice's 30 000 ₸. Open: 5 000 ₸ with no manager.
  await f.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-03-05T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-12T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "LOSE", amount: "30000", createdAt: "2025-03-02T10:00:00Z", closedAt: "2025-03-03T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "WON", amount: "50000", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-28T19:30:00Z" });
  await f.addDeal({ manager: "carol", stage: "WON", amount: "70000", createdAt: "2025-04-01T05:00:00Z", closedAt: "2025-04-03T05:00:00Z" });
  await f.addDeal({ manager: null, stage: "NEW", amount: "5000", createdAt: "2025-03-03T10:00:00Z" });
  // Activities: alice 2 calls (300 s in March, 150 s in April = 7.5 min) and an e-mail; bob a call of
  // 100 s (1.7 min) and a meeting; carol a task.
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-03T05:00:00Z", durationSeconds: 300 });
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-04-04T05:00:00Z", durationSeconds: 150 });
  await addActivity(db, f, { manager: "alice", type: "email", startAt: "2025-03-05T05:00:00Z" });
  await addActivity(db, f, { manager: "bob", type: "call", startAt: "2025-03-07T05:00:00Z", durationSeconds: 100 });
  await addActivity(db, f, { manager: "bob", type: "meeting", startAt: "2025-03-08T05:00:00Z" });
  await addActivity(db, f, { manager: "carol", type: "task", startAt: "2025-03-11T05:00:00Z" });
  // Leads: «Сайт» alice ×2 (google converted, yandex open) and carol (google converted, April); «Звонок» bob (April, no UTM).
  await addSourcedLead(db, f, { manager: "alice", channel: "Сайт", utmSource: "google", createdAt: "2025-03-03T05:00:00Z", status: "converted", convertedAt: "2025-03-05T05:00:00Z" });
  await addSourcedLead(db, f, { manager: "alice", channel: "Сайт", utmSource: "yandex", createdAt: "2025-03-04T05:00:00Z" });
  await addSourcedLead(db, f, { manager: "bob", channel: "Звонок", createdAt: "2025-04-02T05:00:00Z" });
  await addSourcedLead(db, f, { manager: "carol", channel: "Сайт", utmSource: "google", createdAt: "2025-04-10T05:00:00Z", status: "converted", convertedAt: "2025-04-11T05:00:00Z" });
  // Another organisation's won deal never shows.
  const other = await createOrgFixture(db);
  await other.addDeal({ manager: "alice", stage: "WON", amount: "777777", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-05T10:00:00Z" });
});
afterAll(() => testDb.close());

async function build(who: Who, measures: Measure[], dimensions: Dimension[], extra: Partial<CustomReportRequest> = {}) {
  const viewer = (await loadViewer(testDb.db, f.users[who].id))!;
  const request = customReportSchema.parse({ measures, dimensions, period, ...extra }) as CustomReportRequest;
  return runCustomReport(testDb.db, viewer, request, now);
}

function context(who: Who, filters: ReportFilters = period): ReportContext {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return { db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now };
}

/** The builder's rows as { "key|key": values } for comparing with a fixed report's rows. */
const byKey = (rows: { keys: (string | null)[]; values: object }[]) => Object.fromEntries(rows.map((row) => [row.keys.join("|"), row.values]));

describe("the report builder against the fixed dashboards", () => {
  it("won revenue, won deals and average deal by month equal sales by month", async () => {
    const built = await build("admin", ["wonRevenue", "wonDeals", "averageDeal"], ["month"]);
    const sales = await getSalesByMonth(context("admin"));
    // March: 100 000 + 200 $ × 500 + 50 000 = 250 000 ₸ in 3 deals (83 333.33 each); April: carol's 70 000
    expect(byKey(built.rows)).toEqual({
      "2025-03": { wonRevenue: "250000.00", wonDeals: 3, averageDeal: "83333.33" },
      "2025-04": { wonRevenue: "70000.00", wonDeals: 1, averageDeal: "70000.00" },
    });
    for (const row of sales.rows) expect(byKey(built.rows)[row.month]).toEqual({ wonRevenue: row.wonAmount, wonDeals: row.wonCount, averageDeal: row.averageAmount });
    expect(built.totals).toEqual({ wonRevenue: "320000.00", wonDeals: 4, averageDeal: "80000.00" });
    expect(built.totals).toEqual({ wonRevenue: sales.totals.wonAmount, wonDeals: sales.totals.wonCount, averageDeal: sales.totals.averageAmount });
  });

  it("deal and activity measures and days to close by manager equal manager activity", async () => {
    const measures: Measure[] = ["wonRevenue", "wonDeals", "dealsCreated", "calls", "callMinutes", "emails", "meetings", "tasks", "daysToClose"];
    const built = await build("admin", measures, ["manager"]);
    const activity = await getManagerActivity(context("admin"));
    // alice: 2 won = 200 000 ₸, 2 created in the period (the 200 $ and the lost deal), 2 calls (300 + 150 s = 7.5 min),
    // 1 e-mail, median days to close (32 + 11) ÷ 2 = 21.5; bob: 1 call of 100 s = 1.7 min, 1 meeting, 27.4 days;
    // carol: 1 task, created and won 70 000 ₸ in April in 2 days; no manager: the open deal.
    expect(built.rows.map((row) => [row.labels[0], row.values])).toEqual([
      ["alice", { wonRevenue: "200000.00", wonDeals: 2, dealsCreated: 2, calls: 2, callMinutes: 7.5, emails: 1, meetings: 0, tasks: 0, daysToClose: 21.5 }],
      ["bob", { wonRevenue: "50000.00", wonDeals: 1, dealsCreated: 0, calls: 1, callMinutes: 1.7, emails: 0, meetings: 1, tasks: 0, daysToClose: 27.4 }],
      ["carol", { wonRevenue: "70000.00", wonDeals: 1, dealsCreated: 1, calls: 0, callMinutes: 0, emails: 0, meetings: 0, tasks: 1, daysToClose: 2 }],
      [null, { wonRevenue: "0.00", wonDeals: 0, dealsCreated: 1, calls: 0, callMinutes: 0, emails: 0, meetings: 0, tasks: 0, daysToClose: null }],
    ]);
    const fixed = Object.fromEntries(
      activity.rows.map((row) => [
        row.managerId ?? "",
        { wonRevenue: row.wonAmount, wonDeals: row.dealsWon, dealsCreated: row.dealsCreated, calls: row.calls, callMinutes: row.callMinutes, emails: row.emails, meetings: row.meetings, tasks: row.tasks, daysToClose: row.medianDaysToClose },
      ]),
    );
    expect(byKey(built.rows)).toEqual(fixed);
    expect(built.totals).toMatchObject({ wonDeals: activity.totals.dealsWon, dealsCreated: activity.totals.dealsCreated, calls: activity.totals.calls, callMinutes: activity.totals.callMinutes, daysToClose: activity.totals.medianDaysToClose });
  });

  it("leads, converted leads and conversion by channel, utm_source, month and manager equal the lead reports", async () => {
    const bySource = await getLeadsBySource(context("admin"));
    const conversion = await getLeadConversion(context("admin"));
    const leadMeasures: Measure[] = ["leads", "convertedLeads", "conversion"];
    const asFixed = (rows: { leads: number; converted: number; conversionRate: number | null }[], key: (i: number) => string) =>
      Object.fromEntries(rows.map((row, i) => [key(i), { leads: row.leads, convertedLeads: row.converted, conversion: row.conversionRate }]));

    // «Сайт»: 3 leads, 2 converted = 0.6667; «Звонок»: 1 lead, none converted
    const channel = await build("admin", leadMeasures, ["channel"]);
    expect(byKey(channel.rows)).toEqual({ Сайт: { leads: 3, convertedLeads: 2, conversion: 0.6667 }, Звонок: { leads: 1, convertedLeads: 0, conversion: 0 } });
    expect(byKey(channel.rows)).toEqual(asFixed(bySource.rows, (i) => bySource.rows[i].source ?? ""));
    // google: 2 of 2; yandex: 0 of 1; not set: 0 of 1
    const utm = await build("admin", leadMeasures, ["utmSource"]);
    expect(byKey(utm.rows)).toEqual({ google: { leads: 2, convertedLeads: 2, conversion: 1 }, yandex: { leads: 1, convertedLeads: 0, conversion: 0 }, "": { leads: 1, convertedLeads: 0, conversion: 0 } });
    expect(byKey(utm.rows)).toEqual(asFixed(bySource.byUtmSource, (i) => bySource.byUtmSource[i].source ?? ""));
    // March: 1 of 2; April: 1 of 2
    const month = await build("admin", leadMeasures, ["month"]);
    expect(byKey(month.rows)).toEqual({ "2025-03": { leads: 2, convertedLeads: 1, conversion: 0.5 }, "2025-04": { leads: 2, convertedLeads: 1, conversion: 0.5 } });
    expect(byKey(month.rows)).toEqual(asFixed(conversion.byMonth, (i) => conversion.byMonth[i].month));
    // by manager the lead report keys CRM users: here each person has one CRM account
    const manager = await build("admin", leadMeasures, ["manager"]);
    const crmToPerson = new Map(Object.values(f.crmUsers).map((u) => [u.id, u.userId]));
    expect(byKey(manager.rows)).toEqual(asFixed(conversion.byManager, (i) => crmToPerson.get(conversion.byManager[i].managerId!) ?? ""));
    expect(manager.totals).toEqual({ leads: 4, convertedLeads: 2, conversion: 0.5 });
  });

  it("cuts by two dimensions: won revenue by month and manager", async () => {
    const built = await build("admin", ["wonRevenue", "wonDeals"], ["month", "manager"]);
    expect(built.rows.map((row) => [...row.labels, row.values.wonRevenue, row.values.wonDeals])).toEqual([
      ["2025-03", "alice", "200000.00", 2],
      ["2025-03", "bob", "50000.00", 1],
      ["2025-04", "carol", "70000.00", 1],
    ]);
    // sorted by revenue, largest first, and cut to two rows
    const top = await build("admin", ["wonRevenue"], ["month", "manager"], { sort: { by: "wonRevenue", direction: "desc" }, limit: 2 });
    expect(top.rows.map((row) => row.values.wonRevenue)).toEqual(["200000.00", "70000.00"]);
    expect([top.rowCount, top.truncated]).toEqual([3, true]);
  });

  it("cuts by week (Monday), quarter, year, department, source, pipeline and stage", async () => {
    const week = await build("admin", ["wonDeals"], ["week"]);
    // 1 March 2025 was a Saturday: bob's deal falls in the week of Monday 24 February; 5 and 12 March in the weeks of 3 and 10 March
    expect(byKey(week.rows)).toEqual({ "2025-02-24": { wonDeals: 1 }, "2025-03-03": { wonDeals: 1 }, "2025-03-10": { wonDeals: 1 }, "2025-03-31": { wonDeals: 1 } });
    expect(byKey((await build("admin", ["wonDeals"], ["quarter", "year"])).rows)).toEqual({ "2025-Q1|2025": { wonDeals: 3 }, "2025-Q2|2025": { wonDeals: 1 } });
    // Sales: alice and bob, 250 000 ₸; Online: carol, 70 000 ₸
    const department = await build("admin", ["wonRevenue"], ["department"]);
    expect(department.rows.map((row) => [row.labels[0], row.values.wonRevenue])).toEqual([
      ["Online", "70000.00"],
      ["Sales", "250000.00"],
    ]);
    const where = await build("admin", ["dealsCreated"], ["pipeline", "stage"]);
    // created in the period: the 200 $ deal (WON), the lost one, carol's (WON) and the open one
    expect(where.rows.map((row) => [...row.labels, row.values.dealsCreated])).toEqual([
      ["General", "LOSE", 1],
      ["General", "NEW", 1],
      ["General", "WON", 2],
    ]);
    expect((await build("admin", ["wonDeals"], ["source"])).rows.map((row) => [row.labels[0], row.values.wonDeals])).toEqual([["Portal", 4]]);
  });
});

describe("the report builder's scope", () => {
  it("shows a manager their own rows, a director the department's, an admin everyone's", async () => {
    const who = async (viewer: Who) => (await build(viewer, ["wonRevenue", "dealsCreated"], ["manager"])).rows.map((row) => [row.labels[0], row.values.wonRevenue, row.values.dealsCreated]);
    expect(await who("alice")).toEqual([["alice", "200000.00", 2]]);
    expect(await who("director")).toEqual([
      ["alice", "200000.00", 2],
      ["bob", "50000.00", 0],
    ]);
    expect(await who("admin")).toEqual([
      ["alice", "200000.00", 2],
      ["bob", "50000.00", 0],
      ["carol", "70000.00", 1],
      [null, "0.00", 1],
    ]);
    // a manager's totals are their own: 2 won deals = 200 000 ₸, 2 calls
    expect((await build("alice", ["wonRevenue", "calls"], [])).totals).toEqual({ wonRevenue: "200000.00", calls: 2 });
  });

  it("refuses a manager filter outside the viewer's scope", async () => {
    await expect(build("alice", ["wonRevenue"], [], { filters: { managerId: f.users.bob.id } })).rejects.toMatchObject({ status: 403, code: "manager_out_of_scope" });
  });

  it("refuses a pair the facts cannot answer, naming it", async () => {
    await expect(build("admin", ["calls"], ["pipeline"])).rejects.toMatchObject({ status: 400, code: "builder_pair_unavailable", params: { measure: "calls", dimension: "pipeline" } });
    await expect(build("admin", ["leads"], ["utmMedium"])).rejects.toMatchObject({ code: "builder_pair_unavailable", params: { measure: "leads", dimension: "utmMedium" } });
    await expect(build("admin", ["leads"], ["channel", "utmSource"])).rejects.toMatchObject({ code: "builder_pair_unavailable", params: { measure: "leads", dimension: "utmSource" } });
    await expect(build("admin", ["adSpend"], ["manager"])).rejects.toMatchObject({ code: "builder_pair_unavailable", params: { measure: "adSpend", dimension: "manager" } });
    await expect(build("admin", ["calls"], ["trafficTeam"])).rejects.toMatchObject({ code: "builder_pair_unavailable", params: { measure: "calls", dimension: "trafficTeam" } });
    await expect(build("admin", ["adSpend"], ["month"])).rejects.toMatchObject({ code: "builder_pair_unavailable", params: { measure: "adSpend", dimension: "month" } });
  });
});
