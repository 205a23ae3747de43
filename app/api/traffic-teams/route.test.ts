// The traffic-team and attribution-rule API as a script would use it: bearer tokens, JSON in and out.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, leads, trafficTeams } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { latestRun } from "@/lib/attribution/recompute";
import { createApiToken } from "@/lib/auth/tokens";
import * as ruleItem from "../attribution-rules/[id]/route";
import * as preview from "../attribution-rules/preview/route";
import * as rules from "../attribution-rules/route";
import * as teamItem from "./[id]/route";
import * as importExamples from "./import-examples/route";
import * as recompute from "./recompute/route";
import * as teams from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- collection and item routes take different params
type Handler = (request: Request, context?: { params: Promise<any> }) => Promise<Response>;
async function call(handler: Handler, init: { id?: string; method?: string; who?: string; body?: unknown; query?: string } = {}) {
  const params = init.id === undefined ? undefined : { id: init.id };
  return callRoute(handler, `/api/x${init.query ?? ""}`, { as: init.who ? { token: token[init.who] } : null, method: init.method, body: init.body, params });
}
const post = (handler: Handler, body: unknown, who = "admin") => call(handler, { method: "POST", who, body });

/** Saving starts a background recompute; wait for it so every assertion sees its result. */
async function settled(orgId: string) {
  for (let i = 0; i < 200; i++) {
    const run = await latestRun(testDb.db, orgId);
    if (!run || run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("recompute did not finish");
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  await testDb.db.insert(leads).values([
    { orgId: a.org.id, sourceId: a.source.id, externalId: "L1", title: "Spring lead", createdAt: new Date("2026-03-01"), utmSource: "instagram", utmCampaign: "Запуск_Весна" },
    { orgId: a.org.id, sourceId: a.source.id, externalId: "L2", title: "Own code", createdAt: new Date("2026-03-02"), utmSource: "FB_Team" },
  ]);
});
afterAll(async () => {
  await settled(a.org.id);
  await settled(b.org.id);
  await testDb.close();
});

describe("traffic teams", () => {
  let teamId: string;

  it("creates a team, answers with the recompute it started, and logs it", async () => {
    const response = await post(teams.POST, { name: " Team ", color: "#AA00FF", emoji: "🚀", primarySourceCode: "fb_team" });
    expect(response.status).toBe(201);
    expect(response.body.team).toMatchObject({ name: "Team", color: "#aa00ff", emoji: "🚀", primarySourceCode: "fb_team", isActive: true, telegramChatId: null });
    expect(response.body.recompute.runId).toEqual(expect.any(String));
    teamId = response.body.team.id;
    await settled(a.org.id);
    const [lead] = await testDb.db.select().from(leads).where(and(eq(leads.orgId, a.org.id), eq(leads.externalId, "L2")));
    expect(lead).toMatchObject({ trafficTeamId: teamId, attributionConfidence: "high" }); // "FB_Team" = "fb_team", any case
    const audit = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "traffic_team.create")));
    expect(audit).toHaveLength(1);
  });

  it("refuses bad input, a duplicate name, other roles and no token", async () => {
    expect(await post(teams.POST, { name: "", color: "red" })).toEqual({
      status: 400,
      body: { error: { code: "validation_error", field: "name", message: "name: is required; color: must be a colour like #2f6fed" } },
    });
    expect((await post(teams.POST, "{not json")).status).toBe(400);
    expect(await post(teams.POST, { name: "Team" })).toEqual({
      status: 409,
      body: { error: { code: "traffic_team_name_taken", message: 'A traffic team named "Team" already exists', field: "name", params: { name: "Team" } } },
    });
    expect((await post(teams.POST, { name: "X" }, "director")).status).toBe(403);
    expect((await call(teams.GET, { who: "alice" })).status).toBe(403);
    expect((await call(teams.GET)).status).toBe(401);
  });

  it("lists only the organisation's teams and answers 404 for another organisation's team", async () => {
    const list = await call(teams.GET, { who: "admin" });
    expect(list.body.teams.map((t: { name: string }) => t.name)).toEqual(["Team"]);
    expect((await call(teams.GET, { who: "adminB" })).body.teams).toEqual([]);
    for (const id of [teamId, randomUUID(), "nope"]) {
      expect((await call(teamItem.PATCH, { id, method: "PATCH", who: "adminB", body: { name: "Mine" } })).status, id).toBe(404);
    }
    expect((await call(teamItem.DELETE, { id: teamId, method: "DELETE", who: "adminB" })).status).toBe(404);
  });

  it("deactivates a team: its rows go back to Unattributed", async () => {
    const response = await call(teamItem.PATCH, { id: teamId, method: "PATCH", who: "admin", body: { isActive: false } });
    expect(response.status).toBe(200);
    expect(response.body.team.isActive).toBe(false);
    await settled(a.org.id);
    const [lead] = await testDb.db.select().from(leads).where(and(eq(leads.orgId, a.org.id), eq(leads.externalId, "L2")));
    expect(lead).toMatchObject({ trafficTeamId: null, attributionConfidence: "low" });
    expect((await call(teamItem.PATCH, { id: teamId, method: "PATCH", who: "admin", body: {} })).status).toBe(400);
    expect((await call(teamItem.PATCH, { id: teamId, method: "PATCH", who: "admin", body: { isActive: true } })).status).toBe(200);
    await settled(a.org.id);
  });
});

describe("attribution rules, preview and example import", () => {
  it("imports the examples once, then previews and saves a rule", async () => {
    const first = await post(importExamples.POST, undefined);
    expect(first).toMatchObject({ status: 201, body: { teamsCreated: 4, rulesCreated: 56 } });
    await settled(a.org.id);
    expect((await post(importExamples.POST, undefined)).body).toEqual({ teamsCreated: 0, rulesCreated: 0, recompute: null });
    const [lead] = await testDb.db.select().from(leads).where(and(eq(leads.orgId, a.org.id), eq(leads.externalId, "L1")));
    const [muha] = await testDb.db.select().from(trafficTeams).where(and(eq(trafficTeams.orgId, a.org.id), eq(trafficTeams.name, "Muha")));
    expect(lead).toMatchObject({ trafficTeamId: muha.id, attributionConfidence: "medium" }); // "запуск" in "Запуск_Весна"

    const [team] = (await call(teams.GET, { who: "admin" })).body.teams.filter((t: { name: string }) => t.name === "Team");
    const rule = { teamId: team.id, field: "utm_source", match: "equals", pattern: "Instagram", priority: 10 };
    const previewed = await post(preview.POST, { upsertRules: [rule] });
    // The spring lead: utm_source rule at priority 10 beats Muha's priority-0 keyword → moves Muha → Team.
    expect(previewed.status).toBe(200);
    expect(previewed.body.preview.leads.moved).toBe(1);
    expect(previewed.body.preview.examples).toEqual([expect.objectContaining({ kind: "lead", title: "Spring lead", from: "Muha", to: "Team" })]);
    expect((await call(rules.GET, { who: "admin", query: `?teamId=${team.id}` })).body.rules).toEqual([]); // preview saved nothing

    const saved = await post(rules.POST, rule);
    expect(saved.status).toBe(201);
    await settled(a.org.id);
    const [moved] = await testDb.db.select().from(leads).where(and(eq(leads.orgId, a.org.id), eq(leads.externalId, "L1")));
    expect(moved).toMatchObject({ trafficTeamId: team.id, attributionConfidence: "medium" });

    const changed = await call(ruleItem.PATCH, { id: saved.body.rule.id, method: "PATCH", who: "admin", body: { priority: -1 } });
    expect(changed.body.rule.priority).toBe(-1);
    await settled(a.org.id);
    expect((await call(ruleItem.DELETE, { id: saved.body.rule.id, method: "DELETE", who: "admin" })).status).toBe(200);
    expect((await call(ruleItem.DELETE, { id: saved.body.rule.id, method: "DELETE", who: "admin" })).status).toBe(404);
    await settled(a.org.id);
  });

  it("refuses an invalid regex with a clear 400, on create and when a rule is turned into a regex", async () => {
    const [team] = (await call(teams.GET, { who: "admin" })).body.teams;
    const bad = await post(rules.POST, { teamId: team.id, field: "utm_campaign", match: "regex", pattern: "([a-z]" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "pattern_invalid", field: "pattern", params: { details: "Invalid regular expression: /([a-z]/iu: Unterminated group" } });
    expect(bad.body.error.message).toMatch(/^pattern: The pattern is not a valid regular expression \(/);
    expect((await post(preview.POST, { upsertRules: [{ teamId: team.id, field: "utm_campaign", match: "regex", pattern: "*" }] })).status).toBe(400);
    const ok = await post(rules.POST, { teamId: team.id, field: "utm_campaign", match: "contains", pattern: "a(" });
    await settled(a.org.id);
    const turned = await call(ruleItem.PATCH, { id: ok.body.rule.id, method: "PATCH", who: "admin", body: { match: "regex" } });
    expect(turned.status).toBe(400);
    expect(turned.body.error).toMatchObject({ code: "pattern_invalid", field: "pattern" });
    await call(ruleItem.DELETE, { id: ok.body.rule.id, method: "DELETE", who: "admin" });
    await settled(a.org.id);
  });

  it("refuses a rule for another organisation's team, unknown fields, and a manager", async () => {
    const [teamB] = await testDb.db.insert(trafficTeams).values({ orgId: b.org.id, name: "B team" }).returning();
    expect((await post(rules.POST, { teamId: teamB.id, field: "utm_source", match: "equals", pattern: "x" })).body).toEqual({
      error: { code: "traffic_team_unknown", field: "teamId", message: "No such traffic team in your organisation" },
    });
    const wrongField = await post(rules.POST, { teamId: teamB.id, field: "utm_foo", match: "like", pattern: "x" });
    expect(wrongField.body.error.message).toContain("field: must be one of utm_source, utm_medium, utm_campaign, utm_content, utm_term");
    expect((await post(rules.POST, { teamId: teamB.id, field: "utm_source", match: "equals", pattern: "x" }, "alice")).status).toBe(403);
    expect((await call(ruleItem.PATCH, { id: randomUUID(), method: "PATCH", who: "admin", body: { priority: 1 } })).status).toBe(404);
  });

  it("lists conflicts between two teams' rules", async () => {
    const list = (await call(teams.GET, { who: "admin" })).body.teams as { id: string; name: string }[];
    const team = list.find((t) => t.name === "Team")!;
    const created = await post(rules.POST, { teamId: team.id, field: "utm_campaign", match: "contains", pattern: "Kenesary_sale" });
    await settled(a.org.id);
    const { body } = await call(rules.GET, { who: "admin" });
    // Kenesary's priority-0 `contains "kenesary"` and `contains "kenes"` on utm_campaign both match "Kenesary_sale": 2 conflicts.
    const kenesary = list.find((t) => t.name === "Kenesary")!;
    const conflict = { kind: "rules", teamIds: [kenesary.id, team.id], field: "utm_campaign", priority: 0, example: "Kenesary_sale" };
    expect(body.conflicts).toEqual([expect.objectContaining(conflict), expect.objectContaining(conflict)]);
    await call(ruleItem.DELETE, { id: created.body.rule.id, method: "DELETE", who: "admin" });
    await settled(a.org.id);
  });

  it("shows the latest recompute and starts one on request", async () => {
    const started = await call(recompute.POST, { method: "POST", who: "admin" });
    expect(started.status).toBe(202);
    const run = await settled(a.org.id);
    expect(run).toMatchObject({ id: started.body.recompute.runId, status: "succeeded", total: 2, processed: 2 });
    expect((await call(recompute.GET, { who: "admin" })).body.run).toMatchObject({ status: "succeeded", total: 2 });
    expect((await call(recompute.GET, { who: "director" })).status).toBe(403);
  });

  it("deletes a team without ad spend and refuses one with spend", async () => {
    const [spare] = await testDb.db.insert(trafficTeams).values({ orgId: a.org.id, name: "Spare" }).returning();
    expect((await call(teamItem.DELETE, { id: spare.id, method: "DELETE", who: "admin" })).status).toBe(200);
    await settled(a.org.id);
    const { adSpend } = await import("@/db/schema");
    const [paid] = await testDb.db.insert(trafficTeams).values({ orgId: a.org.id, name: "Paid" }).returning();
    await testDb.db.insert(adSpend).values({ orgId: a.org.id, teamId: paid.id, day: "2026-03-01", amount: "100", currency: "KZT" });
    const refused = await call(teamItem.DELETE, { id: paid.id, method: "DELETE", who: "admin" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("deactivate the team instead");
  });
});
