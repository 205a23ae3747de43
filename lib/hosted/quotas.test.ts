// Hosted mode's quotas, at the points rows are created: POST /api/sources, POST /api/users, and
// the deals a sync or a webhook stores. A refusal names the quota and stores nothing.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deals, organisations, sources, users } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { canonicalDeal } from "@/db/test/deal-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { applyDeals } from "@/lib/canonical/deals";
import { env } from "@/lib/env";
import { POST as addSource } from "@/app/api/sources/route";
import { POST as inviteUser } from "@/app/api/users/route";
import { inviteUser as inviteUserDirect } from "@/lib/users/invite-user";
import { createSource } from "@/lib/sources/manage-sources";
import { addSourceSchema } from "@/lib/sources/schemas";
import { loadViewer } from "@/lib/auth/viewer";

let testDb: TestDb;
let org: OrgFixture;
let adminToken: string;
const savedMultiOrg = env.MULTI_ORG;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  org = await createOrgFixture(testDb.db);
  await org.addDeal({ manager: "alice", stage: "NEW", amount: "100", createdAt: "2026-11-01T10:00:00Z" });
  await org.addDeal({ manager: "bob", stage: "NEW", amount: "200", createdAt: "2026-11-02T10:00:00Z" });
  adminToken = (await createApiToken(testDb.db, { orgId: org.org.id, userId: org.users.admin.id }, "quota")).token;
  // The fixture holds 1 source, 5 users and 2 deals: each quota is exactly full, or has room for one.
  await testDb.db.update(organisations).set({ quotaSources: 1, quotaUsers: 5, quotaDeals: 3 }).where(eq(organisations.id, org.org.id));
});
afterAll(async () => {
  env.MULTI_ORG = savedMultiOrg;
  await testDb.close();
});
beforeEach(() => {
  env.MULTI_ORG = true;
});

async function rows(table: typeof sources | typeof users | typeof deals, orgId = org.org.id) {
  const [{ value }] = await testDb.db.select({ value: count() }).from(table).where(eq(table.orgId, orgId));
  return value;
}

const asAdmin = (body: object) => ({ as: { token: adminToken }, method: "POST", body });

describe("sources and users", () => {
  it("refuses a second source past a quota of 1, and a sixth user past a quota of 5", async () => {
    expect(await callRoute(addSource, "/api/sources", asAdmin({ kind: "shop", name: "Shop" }))).toMatchObject({
      status: 403,
      body: { error: { code: "quota_sources_exceeded", params: { limit: 1 } } },
    });
    expect(await rows(sources)).toBe(1);
    const invite = { email: "sixth@test.voronka", name: "Sixth", role: "manager", password: "long-enough-password" };
    expect(await callRoute(inviteUser, "/api/users", asAdmin(invite))).toMatchObject({ status: 403, body: { error: { code: "quota_users_exceeded", params: { limit: 5 } } } });
    expect(await rows(users)).toBe(5);
  });

  it("lets them through with MULTI_ORG off, as before hosted mode", async () => {
    env.MULTI_ORG = false;
    expect((await callRoute(addSource, "/api/sources", asAdmin({ kind: "shop", name: "Shop" }))).status).toBe(201);
    expect(await rows(sources)).toBe(2);
  });
});

describe("deals", () => {
  const deal = (externalId: string, amount: string) => canonicalDeal(externalId, { amount, updatedAt: new Date("2026-11-06T10:00:00Z") });

  it("stores no batch whose new deals pass the quota of 3 (2 stored + 2 new), and one that fits", async () => {
    const source = { id: org.source.id, orgId: org.org.id };
    await expect(applyDeals(testDb.db, source, [deal("new-1", "300"), deal("new-2", "400")])).rejects.toMatchObject({ status: 403, code: "quota_deals_exceeded", params: { limit: 3 } });
    expect(await rows(deals)).toBe(2);
    // An update of a stored deal (external id "1") costs nothing; one new deal fits: 2 + 1 = 3.
    const applied = await applyDeals(testDb.db, source, [deal("1", "150"), deal("new-1", "300")]);
    expect(applied.ids).toHaveLength(2);
    expect(await rows(deals)).toBe(3);
  });
});

describe("writers at the same moment", () => {
  // On PostgreSQL these writers run side by side on their own connections: the check and the insert
  // are one step under a lock per organisation and quota, so the count ends at the quota, never past it.
  const settle = async (writes: Promise<unknown>[]) => {
    const outcomes = await Promise.allSettled(writes);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => (o.reason as { code?: string }).code);
    return { stored: outcomes.length - refused.length, refused };
  };

  it("4 invitations with room for 2 (quota 7, 5 users): 2 stored, 2 refused, 7 users", async () => {
    const other = await createOrgFixture(testDb.db);
    await testDb.db.update(organisations).set({ quotaUsers: 7 }).where(eq(organisations.id, other.org.id));
    const admin = (await loadViewer(testDb.db, other.users.admin.id))!;
    const invite = (n: number) => inviteUserDirect(testDb.db, admin, { email: `racer-${n}@test.voronka`, name: `Racer ${n}`, role: "manager", password: "long-enough-password" });
    expect(await settle([1, 2, 3, 4].map(invite))).toEqual({ stored: 2, refused: ["quota_users_exceeded", "quota_users_exceeded"] });
    expect(await rows(users, other.org.id)).toBe(7);
  });

  it("3 sources with room for 1 (quota 2, 1 source): 1 stored, 2 refused, 2 sources", async () => {
    const other = await createOrgFixture(testDb.db);
    await testDb.db.update(organisations).set({ quotaSources: 2 }).where(eq(organisations.id, other.org.id));
    const admin = { orgId: other.org.id, userId: other.users.admin.id };
    const add = (n: number) => createSource(testDb.db, admin, addSourceSchema.parse({ kind: "shop", name: `Shop ${n}` }), "http://localhost");
    expect(await settle([1, 2, 3].map(add))).toEqual({ stored: 1, refused: ["quota_sources_exceeded", "quota_sources_exceeded"] });
    expect(await rows(sources, other.org.id)).toBe(2);
  });

  it("3 batches of 2 new deals with room for 4 (quota 4, none stored): 2 stored, 1 refused, 4 deals", async () => {
    const other = await createOrgFixture(testDb.db);
    await testDb.db.update(organisations).set({ quotaDeals: 4 }).where(eq(organisations.id, other.org.id));
    const source = { id: other.source.id, orgId: other.org.id };
    const at = { updatedAt: new Date("2026-11-06T10:00:00Z") };
    const batch = (n: number) => applyDeals(testDb.db, source, [canonicalDeal(`race-${n}-a`, at), canonicalDeal(`race-${n}-b`, at)]);
    expect(await settle([1, 2, 3].map(batch))).toEqual({ stored: 2, refused: ["quota_deals_exceeded"] });
    expect(await rows(deals, other.org.id)).toBe(4);
  });
});
