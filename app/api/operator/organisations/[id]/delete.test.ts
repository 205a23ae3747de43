// Deleting an organisation (the operator's DELETE) removes every row it holds in every tenant table
// (all tables with an org_id, read from the schema) and its facts, and touches no other organisation.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selectRows } from "@/db/migrate";
import { auditLog, organisations, webhookEvents } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { tenantTableNames } from "@/lib/hosted/tenant-tables";
import { DELETE as deleteOrganisation } from "./route";

let testDb: TestDb;
let home: OrgFixture;
let doomed: OrgFixture;
let kept: OrgFixture;
let operatorToken: string;
const saved = { MULTI_ORG: env.MULTI_ORG, OPERATOR_EMAILS: env.OPERATOR_EMAILS };

async function fillWithData(org: OrgFixture) {
  await org.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2026-10-01T10:00:00Z", closedAt: "2026-10-02T10:00:00Z" });
  await org.addDeal({ manager: "carol", stage: "NEW", amount: "500", createdAt: "2026-10-03T10:00:00Z" });
  await org.addLead({ manager: "bob", createdAt: "2026-10-04T10:00:00Z" });
  await org.addRate("USD", "2026-10-01", "470.5");
  await createApiToken(testDb.db, { orgId: org.org.id, userId: org.users.alice.id }, "bi");
  await testDb.db.insert(webhookEvents).values({ orgId: org.org.id, sourceId: org.source.id, body: "event=ONCRMDEALADD", status: "done" });
  await testDb.db.insert(auditLog).values({ orgId: org.org.id, userId: org.users.admin.id, action: "org.update", targetType: "organisation", targetId: org.org.id, details: {} });
}

/** Rows of the organisation in every tenant table, by table. */
async function rowsPerTable(orgId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tenantTableNames()) {
    const [row] = await selectRows<{ rows: number }>(testDb.db, sql`select count(*)::int as rows from ${sql.identifier(table)} where org_id = ${orgId}`);
    counts[table] = row.rows;
  }
  return counts;
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  home = await createOrgFixture(testDb.db);
  [doomed, kept] = [await createOrgFixture(testDb.db), await createOrgFixture(testDb.db)];
  await fillWithData(doomed);
  await fillWithData(kept);
  operatorToken = (await createApiToken(testDb.db, { orgId: home.org.id, userId: home.users.admin.id }, "operator")).token;
  Object.assign(env, { MULTI_ORG: true, OPERATOR_EMAILS: [home.users.admin.email] });
});
afterAll(async () => {
  Object.assign(env, saved);
  await testDb.close();
});

it("removes every row of the deleted organisation and leaves the other as it was", async () => {
  const doomedBefore = await rowsPerTable(doomed.org.id);
  const keptBefore = await rowsPerTable(kept.org.id);
  const filled = Object.entries(doomedBefore).filter(([, rows]) => rows > 0).map(([table]) => table);
  // The fixture and the data above reach a good part of the schema: people, CRM, deals, facts, inbox, audit.
  expect(filled).toEqual(expect.arrayContaining(["users", "api_tokens", "sources", "deals", "leads", "stages", "exchange_rates", "webhook_events", "audit_log", "report_deal_facts", "report_lead_facts"]));
  expect(filled.length).toBeGreaterThanOrEqual(15);

  // The operator's page sends the name as typed: anything but the name exactly deletes nothing.
  for (const typed of [doomed.org.name.toLowerCase(), `${doomed.org.name} `, ""]) {
    const refused = await callRoute(deleteOrganisation, "/api/operator/organisations/x", { as: { token: operatorToken }, method: "DELETE", params: { id: doomed.org.id }, body: { confirmName: typed } });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "confirmName" } } });
  }
  expect(await rowsPerTable(doomed.org.id)).toEqual(doomedBefore);

  // A script sends no body.
  const answer = await callRoute(deleteOrganisation, "/api/operator/organisations/x", { as: { token: operatorToken }, method: "DELETE", params: { id: doomed.org.id } });
  expect(answer.status).toBe(204);

  const doomedAfter = await rowsPerTable(doomed.org.id);
  expect(Object.entries(doomedAfter).filter(([, rows]) => rows > 0)).toEqual([]);
  expect(await testDb.db.select().from(organisations).where(eq(organisations.id, doomed.org.id))).toEqual([]);
  expect(await rowsPerTable(kept.org.id)).toEqual(keptBefore);
  expect(await testDb.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, kept.org.id))).toEqual([{ id: kept.org.id }]);
});

it("answers 404 for an organisation that is gone, and refuses a non-operator", async () => {
  const again = await callRoute(deleteOrganisation, "/api/operator/organisations/x", { as: { token: operatorToken }, method: "DELETE", params: { id: doomed.org.id } });
  expect(again).toMatchObject({ status: 404, body: { error: { code: "organisation_not_found" } } });
  const adminToken = (await createApiToken(testDb.db, { orgId: kept.org.id, userId: kept.users.admin.id }, `t-${randomUUID()}`)).token;
  const refused = await callRoute(deleteOrganisation, "/api/operator/organisations/x", { as: { token: adminToken }, method: "DELETE", params: { id: kept.org.id } });
  expect(refused).toMatchObject({ status: 403, body: { error: { code: "operator_only" } } });
});

it("deletes when the name typed is the organisation's exactly", async () => {
  const named = await createOrgFixture(testDb.db);
  const answer = await callRoute(deleteOrganisation, "/api/operator/organisations/x", { as: { token: operatorToken }, method: "DELETE", params: { id: named.org.id }, body: { confirmName: named.org.name } });
  expect(answer.status).toBe(204);
  expect(await testDb.db.select().from(organisations).where(eq(organisations.id, named.org.id))).toEqual([]);
});
