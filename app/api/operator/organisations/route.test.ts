// Hosted mode's operator: lists organisations with sizes and sync health (never their business
// data), suspends one — whose people, tokens and webhooks are then refused — and resumes it.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { organisations, syncRuns, users, webhookEvents } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { checkCredentials } from "@/lib/auth/sign-in";
import { createApiToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { GET as listDeals } from "@/app/api/deals/route";
import { POST as bitrixWebhook } from "@/app/api/webhooks/bitrix24/[sourceId]/route";
import { GET as listOrganisations } from "./route";
import { PATCH as patchOrganisation } from "./[id]/route";

let testDb: TestDb;
let home: OrgFixture;
let customer: OrgFixture;
const token: Record<string, string> = {};
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const saved = { MULTI_ORG: env.MULTI_ORG, OPERATOR_EMAILS: env.OPERATOR_EMAILS };

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  home = await createOrgFixture(testDb.db);
  customer = await createOrgFixture(testDb.db);
  await testDb.db.update(organisations).set({ signedUpAt: new Date() }).where(eq(organisations.id, customer.org.id));
  await customer.addDeal({ manager: "alice", stage: "WON", amount: "1200", createdAt: "2026-11-02T10:00:00Z", closedAt: "2026-11-03T10:00:00Z" });
  await customer.addDeal({ manager: "bob", stage: "NEW", amount: "800", createdAt: "2026-11-04T10:00:00Z" });
  // A good run two days ago and a failed one yesterday, within the 7 days failures are counted over.
  await testDb.db.insert(syncRuns).values([
    { orgId: customer.org.id, sourceId: customer.source.id, kind: "full", status: "succeeded", createdAt: daysAgo(2), finishedAt: daysAgo(2) },
    { orgId: customer.org.id, sourceId: customer.source.id, kind: "incremental", status: "failed", createdAt: daysAgo(1), finishedAt: daysAgo(1) },
  ]);
  // An account with the operator's e-mail inside a signed-up organisation: anyone may sign up with any e-mail.
  const [impostor] = await testDb.db
    .insert(users)
    .values({ orgId: customer.org.id, email: home.users.admin.email, name: "Impostor", role: "admin", passwordHash: customer.users.admin.passwordHash })
    .returning();
  for (const [who, user] of Object.entries({ operator: home.users.admin, operatorManager: home.users.alice, customerAdmin: customer.users.admin, impostor })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(async () => {
  Object.assign(env, saved);
  await testDb.close();
});
beforeEach(() => {
  Object.assign(env, { MULTI_ORG: true, OPERATOR_EMAILS: [home.users.admin.email, home.users.alice.email] });
});

const list = (who: string) => callRoute(listOrganisations, "/api/operator/organisations", { as: { token: token[who] } });
const patch = (who: string, id: string, body: unknown) => callRoute(patchOrganisation, "/api/operator/organisations/x", { as: { token: token[who] }, method: "PATCH", body, params: { id } });

describe("GET /api/operator/organisations", () => {
  it("lists the customer organisation's sizes and sync health, and none of its business data", async () => {
    const answer = await list("operator");
    expect(answer.status).toBe(200);
    const row = answer.body.organisations.find((org: { id: string }) => org.id === customer.org.id);
    // 5 fixture people + the impostor = 6 users; one Bitrix24 portal; 2 deals.
    expect(row.size).toMatchObject({ users: 6, sources: 1, deals: 2 });
    expect(row.size.storedRows).toBeGreaterThan(6 + 1 + 2);
    expect(row.sync).toEqual({ lastRunAt: daysAgo(1).toISOString(), lastFailureAt: daysAgo(1).toISOString(), failedRuns: 1 });
    expect(row).toMatchObject({ signedUp: true, suspendedAt: null, quotas: { sources: env.QUOTA_SOURCES, users: env.QUOTA_USERS, deals: env.QUOTA_DEALS } });
    const text = JSON.stringify(answer.body);
    for (const secret of [customer.users.alice.email, "Deal 1", "1200", customer.source.name]) expect(text).not.toContain(secret);
  });

  it("is an operator's only: whatever the role, and whatever e-mail a signed-up organisation's account has", async () => {
    expect((await list("operatorManager")).status).toBe(200);
    for (const who of ["customerAdmin", "impostor"]) {
      expect(await list(who)).toMatchObject({ status: 403, body: { error: { code: "operator_only" } } });
    }
  });

  it("does not exist with MULTI_ORG off", async () => {
    env.MULTI_ORG = false;
    expect((await list("operator")).status).toBe(404);
  });
});

describe("PATCH /api/operator/organisations/:id", () => {
  async function storedEvents() {
    const [{ value }] = await testDb.db.select({ value: count() }).from(webhookEvents).where(eq(webhookEvents.sourceId, customer.source.id));
    return value;
  }
  const webhook = () => callRoute(bitrixWebhook, `/api/webhooks/bitrix24/${customer.source.id}`, { method: "POST", body: "event=ONCRMDEALUPDATE&data[FIELDS][ID]=1", headers: { "content-type": "application/x-www-form-urlencoded" }, params: { sourceId: customer.source.id } });

  it("suspends an organisation: no sign-in, no token, no webhook stored; resuming brings them back", async () => {
    const before = await storedEvents();
    const suspended = await patch("operator", customer.org.id, { suspended: true });
    expect(suspended.status).toBe(200);
    expect(suspended.body.organisation.suspendedAt).not.toBeNull();

    expect(await checkCredentials(testDb.db, customer.users.bob.email, FIXTURE_PASSWORD, { address: "10.9.9.9" })).toEqual({ ok: false, reason: "invalid" });
    expect(await callRoute(listDeals, "/api/deals", { as: { token: token.customerAdmin } })).toMatchObject({ status: 403, body: { error: { code: "organisation_suspended" } } });
    expect(await webhook()).toMatchObject({ status: 403, body: { error: { code: "organisation_suspended" } } });
    expect(await storedEvents()).toBe(before);
    // The operator's own organisation goes on as before.
    expect((await callRoute(listDeals, "/api/deals", { as: { token: token.operator } })).status).toBe(200);

    expect((await patch("operator", customer.org.id, { suspended: false })).body.organisation.suspendedAt).toBeNull();
    expect(await checkCredentials(testDb.db, customer.users.bob.email, FIXTURE_PASSWORD, { address: "10.9.9.9" })).toMatchObject({ ok: true });
    expect((await callRoute(listDeals, "/api/deals", { as: { token: token.customerAdmin } })).status).toBe(200);
  });

  it("sets and clears quota overrides", async () => {
    const set = await patch("operator", customer.org.id, { quotas: { sources: 2, deals: 1000 } });
    expect(set.body.organisation.quotas).toEqual({ sources: 2, users: env.QUOTA_USERS, deals: 1000, overrides: { sources: 2, users: null, deals: 1000 } });
    const cleared = await patch("operator", customer.org.id, { quotas: { sources: null, deals: null } });
    expect(cleared.body.organisation.quotas.overrides).toEqual({ sources: null, users: null, deals: null });
  });

  it("refuses the operator's own organisation, an unknown one, bad input and non-operators, changing nothing", async () => {
    expect(await patch("operator", home.org.id, { suspended: true })).toMatchObject({ status: 409, body: { error: { code: "operator_own_organisation" } } });
    expect(await patch("operator", "00000000-0000-4000-8000-000000000000", { suspended: true })).toMatchObject({ status: 404, body: { error: { code: "organisation_not_found" } } });
    expect(await patch("operator", customer.org.id, { suspended: "yes" })).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "suspended" } } });
    expect(await patch("operator", customer.org.id, { quotas: { users: -1 } })).toMatchObject({ status: 400, body: { error: { field: "quotas.users" } } });
    expect(await patch("customerAdmin", customer.org.id, { suspended: true })).toMatchObject({ status: 403, body: { error: { code: "operator_only" } } });
    const [org] = await testDb.db.select().from(organisations).where(eq(organisations.id, customer.org.id));
    expect([org.suspendedAt, org.quotaUsers]).toEqual([null, null]);
  });
});
