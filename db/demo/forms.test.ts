// The demo's site form: a share of its submissions reach amoCRM (matched by the product's own
// matching, the phone spelled otherwise), the rest are lost, and the Leads dashboard shows both.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selectRows } from "../migrate";
import { createTestDb, type TestDb } from "../test/test-db";
import { seedDemo } from "./index";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

it("gives the demo a Tilda form whose 1,000 × 0.05 = 50 submissions partly reach amoCRM", async () => {
  const { orgId } = await seedDemo(testDb.db, { deals: 1_000, seed: 4_242, now: new Date("2026-11-20T09:00:00Z"), emailDomain: `forms-${randomUUID().slice(0, 8)}.test` });
  const [row] = await selectRows<{ sources: number; total: number; reached: number; respelled: number }>(
    testDb.db,
    sql`select (select count(*)::int from sources where org_id = ${orgId} and kind = 'form') as sources,
        count(*)::int as total,
        (count(*) filter (where matched_lead_id is not null or matched_deal_id is not null))::int as reached,
        (count(*) filter (where matched_lead_id is not null and phone_raw is not null and phone_raw <> phone))::int as respelled
      from form_leads where org_id = ${orgId}`,
  );
  expect(row.sources).toBe(1);
  expect(row.total).toBe(50);
  // About 70 % reach the CRM; the rest are lost. Both kinds are there to show.
  expect(row.reached).toBeGreaterThan(25);
  expect(row.reached).toBeLessThan(50);
  expect(row.respelled).toBeGreaterThan(0);
}, 120_000);
