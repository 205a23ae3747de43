// Every lead figure clicks through to a list of exactly that many leads: the Leads dashboard's
// sources, utm_sources, months, managers and conversion, and the Traffic dashboard's team rows
// (their leads, and their won deals in the deals list) — for an admin and for a director.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads } from "@/db/schema";
import { addDealFromLead, addSourcedLead } from "@/db/test/activity-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { listDeals, parseDealListQuery } from "@/lib/deals/deal-list";
import { refreshReportFacts } from "@/lib/reports/facts/refresh";
import { resolvePeriod } from "@/lib/reports/filters";
import { getLeadConversion } from "@/lib/reports/lead-conversion";
import { getLeadsBySource } from "@/lib/reports/leads-by-source";
import { getOverviewKpis } from "@/lib/reports/overview-kpis";
import { getTrafficTeams } from "@/lib/reports/traffic-teams";
import { addTeam, addTeamDeal } from "@/lib/reports/traffic-teams-fixtures";
import { listLeads, parseLeadListQuery } from "./lead-list";

let testDb: TestDb;
let f: OrgFixture;
let team: { id: string };
const now = new Date("2025-05-15T06:00:00Z");
const filters = { from: "2025-03-01", to: "2025-04-30" };

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  team = await addTeam(testDb.db, f, "Таргет");
  const db = testDb.db;
  const lead = (input: Parameters<typeof addSourcedLead>[2], teamId: string | null = null) =>
    addSourcedLead(db, f, input).then(async (row) => {
      if (teamId) {
        // stamped as attribution stamps it, with the refresh every writer of leads makes (the team is a key of the facts)
        await db.update(leads).set({ trafficTeamId: teamId }).where(eq(leads.id, row.id));
        await refreshReportFacts(db, f.org.id, { leadIds: [row.id] });
      }
      return row;
    });
  // March: Сайт ×3 (alice yandex → converted by a deal, bob vk, nobody's), Звонок (carol, converted in the CRM)
  const anna = await lead({ manager: "alice", createdAt: "2025-03-05T05:00:00Z", channel: "Сайт", utmSource: "yandex" }, team.id);
  await addDealFromLead(db, f, anna, { manager: "alice", stage: "NEW", amount: "1000", createdAt: "2025-03-07T05:00:00Z" });
  await lead({ manager: "bob", createdAt: "2025-03-10T05:00:00Z", channel: "Сайт", utmSource: "vk" }, team.id);
  await lead({ manager: null, createdAt: "2025-03-12T05:00:00Z", channel: "Сайт", utmSource: " yandex " });
  await lead({ manager: "carol", createdAt: "2025-03-20T05:00:00Z", channel: "Звонок", status: "converted", convertedAt: "2025-03-21T05:00:00Z" }, team.id);
  // April: no source (alice, yandex), Сайт (bob); February and a deleted lead count nowhere
  await lead({ manager: "alice", createdAt: "2025-04-03T05:00:00Z", channel: null, utmSource: "yandex" });
  await lead({ manager: "bob", createdAt: "2025-04-28T05:00:00Z", channel: "Сайт" }, team.id);
  await lead({ manager: "alice", createdAt: "2025-02-20T05:00:00Z", channel: "Сайт" }, team.id);
  await lead({ manager: "alice", createdAt: "2025-03-15T05:00:00Z", channel: "Сайт", deletedAt: "2025-03-16T05:00:00Z" }, team.id);
  // The team's won deals: alice's in March, carol's in April; bob's is still open
  await addTeamDeal(db, f, { team, manager: "alice", stage: "WON", amount: "5000", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-25T05:00:00Z" });
  await addTeamDeal(db, f, { team, manager: "carol", stage: "WON", amount: "7000", createdAt: "2025-03-02T05:00:00Z", closedAt: "2025-04-02T05:00:00Z" });
  await addTeamDeal(db, f, { team, manager: "bob", stage: "NEW", amount: "900", createdAt: "2025-03-03T05:00:00Z" });
});
afterAll(() => testDb.close());

type Who = "admin" | "director";
function viewer(who: Who) {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
  const context = { db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now };
  /** The list's total for the dashboard's filters plus the clicked bucket, as the link would ask. */
  const leadCount = async (bucket: Record<string, string>) => {
    const { filters: listFilters, page } = parseLeadListQuery(new URLSearchParams({ ...filters, ...bucket }));
    return (await listLeads(testDb.db, scope, listFilters, page, now)).total;
  };
  const dealList = async (bucket: Record<string, string>) => {
    const { filters: listFilters, page } = parseDealListQuery(new URLSearchParams({ ...filters, ...bucket }));
    return listDeals(testDb.db, scope, listFilters, page, now);
  };
  const dealCount = async (bucket: Record<string, string>) => (await dealList(bucket)).total;
  return { context, leadCount, dealCount, dealList };
}

/** The bucket of a breakdown row: its value, or the "not set" row. */
const byValue = (key: "channel" | "utmSource", value: string | null): Record<string, string> => (value === null ? { notSet: key } : { [key]: value });

describe("the Leads dashboard's figures and their lists", () => {
  it("for an admin: by source Сайт 4 (1 converted), Звонок 1 (1), not set 1 (0) — and each list holds that many", async () => {
    const { context, leadCount } = viewer("admin");
    const report = await getLeadsBySource(context);
    expect(report.rows.map((row) => [row.source, row.leads, row.converted])).toEqual([
      ["Сайт", 4, 1],
      ["Звонок", 1, 1],
      [null, 1, 0],
    ]);
    expect(report.totals).toMatchObject({ leads: 6, converted: 2 });
    for (const row of report.rows) {
      expect(await leadCount(byValue("channel", row.source)), `source ${row.source}`).toBe(row.leads);
      expect(await leadCount({ ...byValue("channel", row.source), status: "converted" }), `converted of ${row.source}`).toBe(row.converted);
    }
    // yandex: Анна, the nobody's lead written " yandex ", the April one = 3; vk 1; not set 2
    expect(report.byUtmSource.map((row) => [row.source, row.leads])).toEqual([["yandex", 3], [null, 2], ["vk", 1]]);
    for (const row of report.byUtmSource) expect(await leadCount(byValue("utmSource", row.source)), `utm ${row.source}`).toBe(row.leads);
    expect(await leadCount({ periodOn: "created" })).toBe(report.totals.leads);
    expect(await leadCount({ status: "converted" })).toBe(report.totals.converted);
  });

  it("for a director (alice and bob): conversion by month and by manager, and their lists", async () => {
    const { context, leadCount } = viewer("director");
    const report = await getLeadConversion(context);
    // March: Анна (converted), Борис; April: alice's and bob's = 2 and 2
    expect(report.byMonth.map((row) => [row.month, row.leads, row.converted])).toEqual([
      ["2025-03", 2, 1],
      ["2025-04", 2, 0],
    ]);
    for (const row of report.byMonth) {
      expect(await leadCount({ month: row.month }), row.month).toBe(row.leads);
      expect(await leadCount({ month: row.month, status: "converted" }), row.month).toBe(row.converted);
    }
    expect(report.byManager.map((row) => [row.managerName, row.leads])).toEqual([["alice", 2], ["bob", 2]]);
    for (const row of report.byManager) expect(await leadCount({ managerId: row.managerId! }), row.managerName!).toBe(row.leads);
    expect(await leadCount({ status: "not-converted" })).toBe(report.totals.leads - report.totals.converted);
  });

  it("for an admin, the leads without a manager: 1, the nobody's «Сайт» lead", async () => {
    const { context, leadCount } = viewer("admin");
    const noManager = (await getLeadConversion(context)).byManager.find((row) => row.managerId === null);
    expect(noManager?.leads).toBe(1);
    expect(await leadCount({ notSet: "manager" })).toBe(1);
  });
});

describe("the Overview's new leads and their list", () => {
  it.each(["admin", "director"] as const)("for %s: the KPI equals the list's total (admin 6, director 4)", async (who) => {
    const { context, leadCount } = viewer(who);
    const newLeads = (await getOverviewKpis(context)).rows.find((row) => row.kpi === "newLeads")!.value;
    expect(newLeads).toBe(who === "admin" ? 6 : 4);
    expect(await leadCount({ periodOn: "created" })).toBe(newLeads);
  });
});

describe("the Traffic dashboard's team rows and their lists", () => {
  it.each(["admin", "director"] as const)("for %s: the team's leads and won deals equal its row, and so does the Unattributed row", async (who) => {
    const { context, leadCount, dealCount, dealList } = viewer(who);
    const report = await getTrafficTeams(context);
    const row = report.rows.find((r) => r.teamId === team.id)!;
    // admin: Анна, Борис, Вера, bob's April lead = 4 leads; won: alice's 5 000 and carol's 7 000 = 2
    // director: carol is another department's: 3 leads and 1 won deal
    expect([row.leads, row.wonDeals]).toEqual(who === "admin" ? [4, 2] : [3, 1]);
    expect(await leadCount({ teamId: team.id, periodOn: "created" })).toBe(row.leads);
    expect(await dealCount({ teamId: team.id, status: "won", periodOn: "closed" })).toBe(row.wonDeals);
    // the list names the team it was opened for (its rows do not carry it)
    expect((await dealList({ teamId: team.id })).teamName).toBe("Таргет");
    expect((await dealList({ teamId: "none" })).teamName).toBeNull();
    const unattributed = report.rows.find((r) => r.teamId === null);
    expect(await leadCount({ teamId: "none", periodOn: "created" })).toBe(unattributed?.leads ?? 0);
    expect(await dealCount({ teamId: "none", status: "won", periodOn: "closed" })).toBe(unattributed?.wonDeals ?? 0);
  });
});
