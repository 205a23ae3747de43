// Attribution rules on the referrer and click ids through the API: accepted, validated, previewed
// against the stored click ids, and applied by the recompute.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads, trafficTeams } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { latestRun } from "@/lib/attribution/recompute";
import { createApiToken } from "@/lib/auth/tokens";
import * as preview from "./preview/route";
import * as rules from "./route";

let testDb: TestDb;
let a: OrgFixture;
let token: string;
let teamId: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the routes differ only in their params type
const post = (handler: (request: Request, context?: any) => Promise<Response>, body: unknown) => callRoute(handler, "/api/x", { as: { token }, method: "POST", body });

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  token = (await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, "test")).token;
  [{ id: teamId }] = await testDb.db.insert(trafficTeams).values({ orgId: a.org.id, name: "Google Ads" }).returning();
  await testDb.db.insert(leads).values([
    { orgId: a.org.id, sourceId: a.source.id, externalId: "G1", title: "Clicked twice", createdAt: new Date("2026-03-01"), gclid: "Cj0KCQiA-AbC" },
    { orgId: a.org.id, sourceId: a.source.id, externalId: "G2", title: "Clicked once", createdAt: new Date("2026-03-02"), gclid: "EAIaIQobChMI" },
    { orgId: a.org.id, sourceId: a.source.id, externalId: "Y1", title: "From Yandex", createdAt: new Date("2026-03-03"), yclid: "7204611", utmSource: "yandex" },
  ]);
});
afterAll(() => testDb.close());

describe("rules on click ids", () => {
  it("refuses a field that is no UTM tag, referrer or click id, naming the field", async () => {
    const bad = await post(rules.POST, { teamId, field: "clickid", match: "regex", pattern: "." });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "validation_error", field: "field" });
  });

  it("previews a gclid rule as 2 leads moving into the team (2 leads have a gclid, 1 has a yclid), then the recompute moves them", async () => {
    const seen = await post(preview.POST, { upsertRules: [{ teamId, field: "gclid", match: "regex", pattern: "." }] });
    expect(seen.status).toBe(200);
    expect(seen.body.preview.leads.moved).toBe(2);
    expect(seen.body.preview.leads.counts).toContainEqual({ teamId, name: "Google Ads", before: 0, after: 2 });
    const created = await post(rules.POST, { teamId, field: "gclid", match: "regex", pattern: "." });
    expect(created.status).toBe(201);
    for (let i = 0; i < 200 && (await latestRun(testDb.db, a.org.id))?.status === "running"; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const rows = await testDb.db.select({ externalId: leads.externalId, teamId: leads.trafficTeamId }).from(leads).where(eq(leads.orgId, a.org.id)).orderBy(leads.externalId);
    expect(rows).toEqual([
      { externalId: "G1", teamId },
      { externalId: "G2", teamId },
      { externalId: "Y1", teamId: null },
    ]);
  });
});
