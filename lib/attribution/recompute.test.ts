// The engine against a real database: example import, recompute after a rule change (in chunks,
// with progress), a second change during a run, and the preview of a change before it is saved.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attributionRules, auditLog, deals, leads, trafficTeams } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { importExampleRules } from "./import-examples";
import { previewAttribution } from "./preview";
import { latestRun, startRecompute } from "./recompute";
import { createRule, deleteRule } from "./rules";
import { previewSchema } from "./schemas";
import { updateTeam } from "./teams";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

type Tags = { utmSource?: string; utmCampaign?: string; utmTerm?: string };

async function orgWithRows(leadTags: Tags[], dealTags: Tags[] = []) {
  const fx = await createOrgFixture(testDb.db);
  const viewer = { orgId: fx.org.id, userId: fx.users.admin.id, role: "admin" as const };
  if (leadTags.length) {
    await testDb.db.insert(leads).values(leadTags.map((tags, i) => ({ orgId: fx.org.id, sourceId: fx.source.id, externalId: `L${i}`, title: `Lead ${i}`, createdAt: new Date("2026-03-01"), ...tags })));
  }
  if (dealTags.length) {
    await testDb.db.insert(deals).values(
      dealTags.map((tags, i) => ({
        orgId: fx.org.id, sourceId: fx.source.id, externalId: `D${i}`, title: `Deal ${i}`, pipelineId: fx.pipeline.id, stageId: fx.stages.NEW.id,
        currency: "KZT", createdAt: new Date("2026-03-01"), ...tags,
      })),
    );
  }
  return { fx, viewer };
}

async function attribution(fx: OrgFixture, table: typeof leads | typeof deals = leads) {
  const rows = await testDb.db
    .select({ title: table.title, team: trafficTeams.name, confidence: table.attributionConfidence })
    .from(table)
    .leftJoin(trafficTeams, eq(trafficTeams.id, table.trafficTeamId))
    .where(eq(table.orgId, fx.org.id))
    .orderBy(table.externalId);
  return Object.fromEntries(rows.map((row) => [row.title, `${row.team ?? "-"}/${row.confidence}`]));
}

describe("importExampleRules", () => {
  it("loads the four teams and their 56 rules once, and attributes the rows in the background", async () => {
    const { fx, viewer } = await orgWithRows([
      { utmSource: "fb_kenesary" },
      { utmSource: "instagram", utmCampaign: "Запуск_Весна" },
      { utmSource: "google", utmCampaign: "brand" },
    ]);
    const first = await importExampleRules(testDb.db, viewer);
    // Kenesary 9 + Arystan 5 + Muha 9 + Traf4 5 = 28 keywords × (utm_source, utm_campaign) = 56 rules.
    expect(first).toMatchObject({ teamsCreated: 4, rulesCreated: 56 });
    const run = await first.recompute!.finished!;
    // 3 leads + 0 deals gone over; all 3 changed from "never attributed" (null).
    expect(run).toMatchObject({ status: "succeeded", total: 3, processed: 3, changed: 3 });
    expect(await attribution(fx)).toEqual({ "Lead 0": "Kenesary/high", "Lead 1": "Muha/medium", "Lead 2": "-/low" });

    const again = await importExampleRules(testDb.db, viewer);
    expect(again).toEqual({ teamsCreated: 0, rulesCreated: 0, recompute: null });
    const rules = await testDb.db.select().from(attributionRules).where(eq(attributionRules.orgId, fx.org.id));
    expect(rules).toHaveLength(56);
    const audit = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, fx.org.id), eq(auditLog.action, "traffic_team.import_examples")));
    expect(audit).toHaveLength(1);
  });

  it("keeps a team the admin already made under an example name and only adds the missing rules", async () => {
    const { fx, viewer } = await orgWithRows([]);
    const [muha] = await testDb.db.insert(trafficTeams).values({ orgId: fx.org.id, name: "MUHA", color: "#000000", primarySourceCode: "my_muha" }).returning();
    await testDb.db.insert(attributionRules).values({ orgId: fx.org.id, teamId: muha.id, field: "utm_campaign", match: "contains", pattern: "ЗАПУСК" });
    const result = await importExampleRules(testDb.db, viewer);
    // 3 new teams; Muha's 18 example rules minus the one it has ("запуск" on utm_campaign, any case): 56 − 1 = 55.
    expect(result).toMatchObject({ teamsCreated: 3, rulesCreated: 55 });
    await result.recompute?.finished;
    const [kept] = await testDb.db.select().from(trafficTeams).where(eq(trafficTeams.id, muha.id));
    expect(kept).toMatchObject({ name: "MUHA", color: "#000000", primarySourceCode: "my_muha" });
  });
});

describe("recompute after a rule change", () => {
  it("moves the rows a new rule claims, in chunks, and counts what it changed", async () => {
    const { fx, viewer } = await orgWithRows(
      [{ utmCampaign: "live_may" }, { utmCampaign: "LIVE_june" }, { utmCampaign: "brand" }, { utmSource: "fb_kenesary", utmCampaign: "live_x" }, { utmTerm: "live_" }],
      [{ utmCampaign: "live_deal" }, { utmCampaign: "other" }],
    );
    await (await importExampleRules(testDb.db, viewer)).recompute!.finished;
    expect(await attribution(fx)).toEqual({ "Lead 0": "-/low", "Lead 1": "-/low", "Lead 2": "-/low", "Lead 3": "Kenesary/high", "Lead 4": "-/low" });

    const [traf4] = await testDb.db.select().from(trafficTeams).where(and(eq(trafficTeams.orgId, fx.org.id), eq(trafficTeams.name, "Traf4")));
    const { rule, recompute } = await createRule(testDb.db, viewer, { teamId: traf4.id, field: "utm_campaign", match: "regex", pattern: "^live_", priority: 0 });
    // Two-row chunks: 5 leads + 2 deals = 7 rows in 4 chunks (2+2+1 leads, then 2 deals).
    const started = await startRecompute(testDb.db, fx.org.id, viewer.userId, 2);
    expect(started.runId).toBe(recompute.runId); // the run already going takes the request instead of a second run
    expect(started.finished).toBeNull();
    const run = await recompute.finished!;
    // Changed: Lead 0 and Lead 1 (live_…) and Deal 0 (live_deal) move to Traf4 = 3; the rest keep what the import gave them.
    // Lead 3 stays Kenesary (its primary code beats any rule); Lead 4 has "live_" in utm_term, not utm_campaign.
    expect(run).toMatchObject({ status: "succeeded", total: 7, processed: 7, changed: 3 });
    expect(await attribution(fx)).toEqual({ "Lead 0": "Traf4/medium", "Lead 1": "Traf4/medium", "Lead 2": "-/low", "Lead 3": "Kenesary/high", "Lead 4": "-/low" });
    expect(await attribution(fx, deals)).toEqual({ "Deal 0": "Traf4/medium", "Deal 1": "-/low" });

    // Deleting the rule and deactivating Kenesary put them back to Unattributed.
    await (await deleteRule(testDb.db, viewer, rule.id)).recompute.finished;
    const [kenesary] = await testDb.db.select().from(trafficTeams).where(and(eq(trafficTeams.orgId, fx.org.id), eq(trafficTeams.name, "Kenesary")));
    await (await updateTeam(testDb.db, viewer, kenesary.id, { isActive: false })).recompute!.finished;
    expect(Object.values(await attribution(fx))).toEqual(["-/low", "-/low", "-/low", "-/low", "-/low"]);
    expect(await latestRun(testDb.db, fx.org.id)).toMatchObject({ status: "succeeded", processed: 7 });
  });

  it("starts its pass over when the rules change during a run, and ends with the new rules", async () => {
    const { fx, viewer } = await orgWithRows(Array.from({ length: 120 }, () => ({ utmCampaign: "late_rule" })));
    // One-row chunks: 120 transactions, so the run is still going when the rule below is saved.
    const first = await startRecompute(testDb.db, fx.org.id, viewer.userId, 1);
    const [team] = await testDb.db.insert(trafficTeams).values({ orgId: fx.org.id, name: "Late" }).returning();
    await testDb.db.insert(attributionRules).values({ orgId: fx.org.id, teamId: team.id, field: "utm_campaign", match: "equals", pattern: "LATE_RULE" });
    const second = await startRecompute(testDb.db, fx.org.id, viewer.userId, 1);
    expect(second).toEqual({ runId: first.runId, finished: null });
    const run = await first.finished!;
    // The second pass counts the 120 rows again (processed resets); all 120 end on the new team.
    expect(run).toMatchObject({ status: "succeeded", total: 120, processed: 120 });
    expect(run.restartRequestedAt).not.toBeNull();
    expect(new Set(Object.values(await attribution(fx)))).toEqual(new Set(["Late/medium"]));
  });

  it("walks more rows than one chunk and leaves other organisations alone", async () => {
    const tags = Array.from({ length: 23 }, (_, i) => ({ utmCampaign: i % 2 ? "tripwire" : "none" }));
    const { fx, viewer } = await orgWithRows(tags);
    const other = await orgWithRows([{ utmCampaign: "tripwire" }]);
    await importExampleRules(testDb.db, viewer).then((r) => r.recompute?.finished);
    const started = await startRecompute(testDb.db, fx.org.id, viewer.userId, 5);
    // 23 rows in chunks of 5 = 5 chunks (5+5+5+5+3); nothing changes the second time.
    expect(await started.finished).toMatchObject({ status: "succeeded", total: 23, processed: 23, changed: 0 });
    const values = Object.values(await attribution(fx));
    // Odd i from 1 to 21: 11 rows contain "tripwire"; the other 12 are low.
    expect(values.filter((v) => v === "Kenesary/medium")).toHaveLength(11);
    expect(values.filter((v) => v === "-/low")).toHaveLength(12);
    expect(await attribution(other.fx)).toEqual({ "Lead 0": "-/null" });
  });
});

describe("previewAttribution", () => {
  it("counts rows per team before → after a proposed rule and shows example rows, without saving", async () => {
    const { fx, viewer } = await orgWithRows(
      [{ utmCampaign: "promo_a" }, { utmCampaign: "promo_a" }, { utmCampaign: "Promo_b" }, { utmSource: "tt_muha", utmCampaign: "promo" }, { utmCampaign: "x" }],
      [{ utmCampaign: "promo_deal" }],
    );
    await (await importExampleRules(testDb.db, viewer)).recompute!.finished;
    const [arystan] = await testDb.db.select().from(trafficTeams).where(and(eq(trafficTeams.orgId, fx.org.id), eq(trafficTeams.name, "Arystan")));
    const change = previewSchema.parse({ upsertRules: [{ teamId: arystan.id, field: "utm_campaign", match: "starts_with", pattern: "PROMO" }] });
    const preview = await previewAttribution(testDb.db, viewer, change);
    // Leads: promo_a ×2 + Promo_b = 3 move from Unattributed to Arystan; tt_muha stays Muha (primary code); "x" stays.
    // Unattributed 4 → 1, Arystan 0 → 3, Muha 1 → 1.
    expect(preview.leads).toEqual({
      moved: 3,
      counts: [
        { teamId: arystan.id, name: "Arystan", before: 0, after: 3 },
        { teamId: expect.any(String), name: "Muha", before: 1, after: 1 },
        { teamId: null, name: "Unattributed", before: 4, after: 1 },
      ],
    });
    expect(preview.deals.moved).toBe(1);
    expect(preview.examples.map((e) => `${e.kind}:${e.utm.utmCampaign}:${e.from}→${e.to}`)).toEqual(["lead:promo_a:null→Arystan", "lead:Promo_b:null→Arystan", "deal:promo_deal:null→Arystan"]);
    const rules = await testDb.db.select().from(attributionRules).where(and(eq(attributionRules.orgId, fx.org.id), eq(attributionRules.teamId, arystan.id)));
    expect(rules).toHaveLength(10); // still only the 5 keywords × 2 fields: nothing saved
  });

  it("shows what deactivating a team would move", async () => {
    const { fx, viewer } = await orgWithRows([{ utmSource: "fb_kenesary" }, { utmCampaign: "kab3" }, { utmCampaign: "onai" }]);
    await (await importExampleRules(testDb.db, viewer)).recompute!.finished;
    const [kenesary] = await testDb.db.select().from(trafficTeams).where(and(eq(trafficTeams.orgId, fx.org.id), eq(trafficTeams.name, "Kenesary")));
    const preview = await previewAttribution(testDb.db, viewer, previewSchema.parse({ upsertTeams: [{ id: kenesary.id, name: "Kenesary", primarySourceCode: "fb_kenesary", isActive: false }] }));
    // Kenesary 2 → 0 (its primary code and its kab3 rule stop counting), Unattributed 0 → 2, Muha 1 → 1.
    expect(preview.leads.moved).toBe(2);
    expect(preview.leads.counts.find((c) => c.name === "Kenesary")).toMatchObject({ before: 2, after: 0 });
    expect(preview.leads.counts.find((c) => c.teamId === null)).toMatchObject({ before: 0, after: 2 });
  });
});
