// The Traffic dashboard reads leads and won deals from the traffic rollups (report facts). These
// tests hold it to the raw rows: the same report computed the old way (straight from leads and deals,
// traffic-teams-raw-cells.ts) and the new way on one dataset, for every viewer and filter; spelled-out
// figures over a period mixing partial and whole months; and an attribution rule change that moves a
// lead and a sale from Unattributed to a team in the figures.
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals, leads } from "@/db/schema";
import type { OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { createRule, deleteRule } from "@/lib/attribution/rules";
import { deleteTeam } from "@/lib/attribution/teams";
import { refreshReportFacts } from "./facts/refresh";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getTrafficTeams, type TrafficTeamsResult } from "./traffic-teams";
import { addTeam, addTeamDeal, addTeamLead, createTrafficFixture, type TrafficFixture } from "./traffic-teams-fixtures";
import { rawTrafficReads } from "./traffic-teams-raw-cells";

let testDb: TestDb;
let fixture: TrafficFixture;
const now = new Date("2025-04-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };

type Who = keyof OrgFixture["users"];
function contextOf(f: OrgFixture, who: Who, filters: ReportFilters) {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return { db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now };
}

/** A deterministic spread of leads and deals over January–April 2025 on top of the spelled-out fixture. */
async function addSpread(f: OrgFixture, teams: { id: string }[]) {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const managers = ["alice", "bob", "carol", null] as const;
  const tags = [
    { utmSource: "fb_alpha", utmCampaign: "spring" },
    { utmSource: " FB_Alpha ", utmCampaign: "Spring" },
    { utmSource: "ig_alpha", utmCampaign: null },
    { utmSource: "", utmCampaign: "  " },
    { utmSource: null, utmCampaign: "retarget" },
  ];
  const instant = () => new Date(Date.UTC(2025, next(4), 1 + next(28), next(24), next(60))).toISOString();
  const stages = ["WON", "WON", "LOSE", "NEW"] as const;
  const leadIds: string[] = [];
  const dealIds: string[] = [];
  for (let i = 0; i < 60; i++) {
    const team = next(4) === 0 ? null : teams[next(teams.length)];
    const lead = await testDb.db
      .insert(leads)
      .values({ orgId: f.org.id, sourceId: f.source.id, externalId: `S${i}`, title: "Lead", crmUserId: managers[next(4)] ? f.crmUsers[managers[next(4)]!].id : null, createdAt: new Date(instant()), trafficTeamId: team?.id ?? null, ...tags[next(tags.length)] })
      .returning({ id: leads.id });
    leadIds.push(lead[0].id);
  }
  for (let i = 0; i < 50; i++) {
    const team = next(4) === 0 ? null : teams[next(teams.length)];
    const createdAt = new Date(instant());
    const stage = stages[next(stages.length)];
    const manager = managers[next(3)]!;
    const deal = await testDb.db
      .insert(deals)
      .values({
        ...{ orgId: f.org.id, sourceId: f.source.id, externalId: `SD${i}`, title: "Deal", pipelineId: f.pipeline.id, stageId: f.stages[stage].id },
        ...{ amount: String(1_000 + next(90_000)), currency: next(3) === 0 ? "USD" : "KZT", crmUserId: f.crmUsers[manager].id, createdAt },
        closedAt: stage === "NEW" ? null : new Date(createdAt.getTime() + next(40) * 86_400_000),
        trafficTeamId: team?.id ?? null,
        ...tags[next(tags.length)],
      })
      .returning({ id: deals.id });
    dealIds.push(deal[0].id);
  }
  await refreshReportFacts(testDb.db, f.org.id, { leadIds, dealIds });
  // a few of them deleted afterwards, through the same refresh a sync makes
  await testDb.db.update(leads).set({ deletedAt: now }).where(inArray(leads.id, leadIds.slice(0, 5)));
  await testDb.db.update(deals).set({ deletedAt: now }).where(inArray(deals.id, dealIds.slice(0, 5)));
  await refreshReportFacts(testDb.db, f.org.id, { leadIds: leadIds.slice(0, 5), dealIds: dealIds.slice(0, 5) });
}

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createTrafficFixture(testDb.db);
  const { alpha, beta, epsilon } = fixture.team;
  await addSpread(fixture.f, [alpha, beta, epsilon]);
});
afterAll(() => testDb.close());

describe("the traffic rollups against the raw leads and deals", () => {
  const cases: [string, Who, () => ReportFilters][] = [
    ["an admin over all time", "admin", () => ({ preset: "all-time" })],
    ["an admin over 15 January – 10 March (partial months on both sides)", "admin", () => ({ from: "2025-01-15", to: "2025-03-10" })],
    ["an admin over whole months (February – March)", "admin", () => ({ from: "2025-02-01", to: "2025-03-31" })],
    ["an admin over one day", "admin", () => ({ from: "2025-03-01", to: "2025-03-01" })],
    ["an admin filtered to bob", "admin", () => ({ preset: "all-time", managerId: fixture.f.crmUsers.bob.id })],
    ["an admin filtered to the source", "admin", () => ({ preset: "last-12-months", sourceId: fixture.f.source.id })],
    ["an admin filtered to the pipeline", "admin", () => ({ from: "2025-01-20", to: "2025-04-20", pipelineId: fixture.f.pipeline.id })],
    ["a director over 12 months", "director", () => ({ preset: "last-12-months" })],
    ["a manager (alice) over 12 months", "alice", () => ({ preset: "last-12-months" })],
    ["a manager (bob) over 20 February – 5 April", "bob", () => ({ from: "2025-02-20", to: "2025-04-05" })],
  ];
  it.each(cases)("gives the same report to %s", async (_label, who, filters) => {
    const context = contextOf(fixture.f, who, filters());
    const fromRollups = await getTrafficTeams(context);
    const fromRows = await getTrafficTeams(context, rawTrafficReads);
    expect(fromRollups).toEqual(fromRows);
    // not two empty reports agreeing: each case sees leads
    expect(fromRows.totals.allLeads).toBeGreaterThan(0);
  });
});

describe("the traffic rollups over partial and whole months", () => {
  it("adds February's days, the whole of March and April's days for Alpha (spelled out on the plain fixture)", async () => {
    const { f, team } = await createTrafficFixture(testDb.db);
    const result = await getTrafficTeams(contextOf(f, "admin", { from: "2025-02-10", to: "2025-04-02" }));
    const alpha = <T extends { teamId: string | null }>(rows: T[]) => rows.filter((r) => r.teamId === team.alpha.id);
    // Leads: 10 February (1) + March (4) = 5. Won: 9 March 100 000 ₸, 12 March 200 $ × 520 = 104 000 ₸, 2 April 70 000 ₸ = 274 000 ₸.
    // Spend: 10 February 10 000 + March 112 000 + 1 April 99 999 = 221 999 ₸. ROMI (274 000 − 221 999) ÷ 221 999 = 0.2342.
    expect(result.rows.find((r) => r.teamName === "Alpha")).toMatchObject({ leads: 5, wonDeals: 3, revenue: "274000.00", spend: "221999.00", romi: 0.2342, conversionRate: 0.6 });
    expect(alpha(result.byMonth).map(({ month, leads, wonDeals, revenue }) => ({ month, leads, wonDeals, revenue }))).toEqual([
      { month: "2025-02", leads: 1, wonDeals: 0, revenue: "0.00" },
      { month: "2025-03", leads: 4, wonDeals: 2, revenue: "204000.00" },
      { month: "2025-04", leads: 0, wonDeals: 1, revenue: "70000.00" },
    ]);
    // By campaign: spring 3 leads (10 February, 1 and 2 March local) and two sales (100 000 + 70 000); summer bob's lead; no campaign carol's lead and sale.
    expect(alpha(result.byCampaign).map(({ utmCampaign, leads, wonDeals, revenue }) => ({ utmCampaign, leads, wonDeals, revenue }))).toEqual([
      { utmCampaign: "spring", leads: 3, wonDeals: 2, revenue: "170000.00" },
      { utmCampaign: null, leads: 1, wonDeals: 1, revenue: "104000.00" },
      { utmCampaign: "summer", leads: 1, wonDeals: 0, revenue: "0.00" },
    ]);
  });
});

// Each builds its own fixture and runs one or two recomputes: 5 s on PGlite, past the default 30 s on a crowded shared PostgreSQL.
const RECOMPUTE_TIMEOUT = 120_000;

describe("an attribution rule change", () => {
  const figuresOf = (result: TrafficTeamsResult, name: string | null) => {
    const row = result.rows.find((r) => r.teamName === name);
    return row ? { leads: row.leads, wonDeals: row.wonDeals, revenue: row.revenue } : null;
  };

  it("moves the leads and sales it claims from Unattributed to the team, and back when the rule goes", async () => {
    const { f } = await createTrafficFixture(testDb.db);
    const target = await addTeam(testDb.db, f, "Target");
    const viewer = { orgId: f.org.id, userId: f.users.admin.id, role: "admin" as const };
    // Nothing in the fixture carries "promo": two untagged-team leads and a 30 000 ₸ sale that will be claimed.
    await addTeamLead(testDb.db, f, { team: null, manager: "alice", utmSource: "vk", utmCampaign: "promo_may", createdAt: "2025-03-11T10:00:00Z" });
    await addTeamLead(testDb.db, f, { team: null, manager: "bob", utmSource: "vk", utmCampaign: "PROMO_june", createdAt: "2025-03-12T10:00:00Z" });
    await addTeamDeal(testDb.db, f, { team: null, manager: "alice", utmSource: "vk", utmCampaign: "promo_may", stage: "WON", amount: "30000", createdAt: "2025-03-11T10:00:00Z", closedAt: "2025-03-14T10:00:00Z" });
    const march = () => getTrafficTeams(contextOf(f, "admin", { from: "2025-03-01", to: "2025-03-31" }));

    // Before: the fixture's Unattributed (2 leads, 46 000 ₸) plus these 2 leads and 30 000 ₸; Target is active and empty.
    expect(figuresOf(await march(), null)).toEqual({ leads: 4, wonDeals: 2, revenue: "76000.00" });
    expect(figuresOf(await march(), "Target")).toEqual({ leads: 0, wonDeals: 0, revenue: "0.00" });

    const { rule, recompute } = await createRule(testDb.db, viewer, { teamId: target.id, field: "utm_campaign", match: "contains", pattern: "promo", priority: 0 });
    expect(await recompute.finished).toMatchObject({ status: "succeeded" });
    const after = await march();
    expect(figuresOf(after, "Target")).toEqual({ leads: 2, wonDeals: 1, revenue: "30000.00" });
    // The recompute also moved every fixture row to what the rules say: with one rule, all others are Unattributed now.
    expect(after.totals.allLeads).toBe(11);
    expect(figuresOf(after, null)).toEqual({ leads: 9, wonDeals: 3, revenue: "250000.00" });
    expect(after).toEqual(await getTrafficTeams(contextOf(f, "admin", { from: "2025-03-01", to: "2025-03-31" }), rawTrafficReads));

    const removed = await deleteRule(testDb.db, viewer, rule.id);
    expect(await removed.recompute.finished).toMatchObject({ status: "succeeded" });
    expect(figuresOf(await march(), "Target")).toEqual({ leads: 0, wonDeals: 0, revenue: "0.00" });
    expect(figuresOf(await march(), null)).toEqual({ leads: 11, wonDeals: 4, revenue: "280000.00" });
  }, RECOMPUTE_TIMEOUT);

  it("moves a deleted team's leads to Unattributed (the foreign key clears their team)", async () => {
    const { f } = await createTrafficFixture(testDb.db);
    const viewer = { orgId: f.org.id, userId: f.users.admin.id, role: "admin" as const };
    const march = () => getTrafficTeams(contextOf(f, "admin", { from: "2025-03-01", to: "2025-03-31" }));
    // Epsilon: alice's one lead and no spend, so it may be deleted; Unattributed has 2 leads.
    expect(figuresOf(await march(), "Epsilon")).toEqual({ leads: 1, wonDeals: 0, revenue: "0.00" });
    const epsilon = (await march()).rows.find((r) => r.teamName === "Epsilon")!;
    const { recompute } = await deleteTeam(testDb.db, viewer, epsilon.teamId!);
    await recompute.finished;
    const after = await march();
    expect(figuresOf(after, "Epsilon")).toBeNull();
    // With no rules the recompute moves every other team's rows to Unattributed too; Epsilon's lead is
    // not among the rows it changes (the key had already cleared it), yet it is counted there: all 9 leads.
    expect(figuresOf(after, null)).toEqual({ leads: 9, wonDeals: 3, revenue: "250000.00" });
    expect(after).toEqual(await getTrafficTeams(contextOf(f, "admin", { from: "2025-03-01", to: "2025-03-31" }), rawTrafficReads));
  }, RECOMPUTE_TIMEOUT);
});
