// The same seed and `now` give the same rows, uuids included; another seed gives other rows;
// another e-mail domain gives the same rows under other ids.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selectRows } from "../migrate";
import { createTestDb, type TestDb } from "../test/test-db";
import { deleteOrganisation } from "./remove";
import { seedDemo } from "./index";

const NOW = new Date("2025-06-15T06:00:00Z");
const DEALS = 400;
const TABLES = ["users", "crm_users", "stages", "contacts", "leads", "deals", "stage_changes", "activities", "conversation_texts", "customers", "orders", "ad_spend", "exchange_rates"];

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

/** Counts, money sums, the first deal's id and a hash of every deal and order row. */
async function fingerprint(orgId: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await selectRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`);
    counts[table] = row.n;
  }
  const [money] = await selectRows<{ deals: string; orders: string; firstDeal: string; dealsHash: string; ordersHash: string }>(
    testDb.db,
    sql`select (select sum(amount)::text from deals where org_id = ${orgId}) as deals,
               (select sum(total)::text from orders where org_id = ${orgId}) as orders,
               (select id::text from deals where org_id = ${orgId} order by created_at, external_id limit 1) as "firstDeal",
               (select md5(string_agg(d::text, '|' order by d.id)) from deals d where org_id = ${orgId}) as "dealsHash",
               (select md5(string_agg(o::text, '|' order by o.id)) from orders o where org_id = ${orgId}) as "ordersHash"`,
  );
  return { orgId, counts, ...money };
}

async function seedAndFingerprint(seed: number, emailDomain: string) {
  const { orgId } = await seedDemo(testDb.db, { deals: DEALS, seed, now: NOW, emailDomain });
  const result = await fingerprint(orgId);
  await deleteOrganisation(testDb.db, orgId); // the same seed makes the same uuids: the next run needs the room
  return result;
}

it("repeats every row for the same seed and now, and differs for another seed", async () => {
  const domain = `det-${randomUUID().slice(0, 8)}.test`;
  const seed = 1_000 + Math.floor(Math.random() * 1_000_000); // unlike any other test file's seed on a shared database
  const first = await seedAndFingerprint(seed, domain);
  const again = await seedAndFingerprint(seed, domain);
  const other = await seedAndFingerprint(seed + 1, domain);
  const elsewhere = await seedAndFingerprint(seed, `other-${domain}`);

  expect(first.counts.deals).toBe(DEALS);
  expect(again).toEqual(first);
  expect(other.orgId).not.toBe(first.orgId);
  expect(other.firstDeal).not.toBe(first.firstDeal);
  expect(other.deals).not.toBe(first.deals);
  expect(other.dealsHash).not.toBe(first.dealsHash);
  // Another e-mail domain: the same story under other ids (what lets tests seed it side by side).
  expect({ counts: elsewhere.counts, deals: elsewhere.deals, orders: elsewhere.orders }).toEqual({ counts: first.counts, deals: first.deals, orders: first.orders });
  expect(elsewhere.firstDeal).not.toBe(first.firstDeal);
}, 120_000);
