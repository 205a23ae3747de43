import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { selectRows } from "../migrate";
import { auditLog, organisations } from "../schema";
import { createTestDb, type TestDb } from "../test/test-db";
import { insertRows } from "./insert";
import { createRandom } from "./random";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

it("round-trips awkward values through the unnest insert: quotes, backslashes, braces, NULL, jsonb, dates", async () => {
  const rnd = createRandom(Date.now() % 1_000_000);
  const orgId = rnd.uuid();
  const { db } = testDb;
  await insertRows(db, organisations, [{ id: orgId, name: 'Кавычки "ёлочки" \\ {скобки}, запятая', createdAt: new Date("2025-01-02T03:04:05.678Z") }]);
  const details = { text: 'a "b" \\ c', list: [1, null, "{x}"], nested: { ok: true } };
  const rows = [
    { id: rnd.uuid(), orgId, action: "NULL", targetType: null, details, createdAt: new Date("2025-01-02T00:00:00Z") },
    { id: rnd.uuid(), orgId, action: "", targetType: "x,y", details: {}, createdAt: new Date("2025-01-03T00:00:00Z") },
  ];
  await insertRows(db, auditLog, rows, 1); // one row per statement, to cover chunking too
  const [org] = await selectRows<{ name: string; createdAt: string }>(db, sql`select name, created_at::text as "createdAt" from organisations where id = ${orgId}`);
  expect(org.name).toBe('Кавычки "ёлочки" \\ {скобки}, запятая');
  expect(new Date(org.createdAt).toISOString()).toBe("2025-01-02T03:04:05.678Z");
  const back = await selectRows<{ action: string; targetType: string | null; details: unknown }>(
    db,
    sql`select action, target_type as "targetType", details from audit_log where org_id = ${orgId} order by created_at`,
  );
  expect(back.map((r) => [r.action, r.targetType])).toEqual([["NULL", null], ["", "x,y"]]);
  const parsed = back.map((r) => (typeof r.details === "string" ? JSON.parse(r.details) : r.details));
  expect(parsed).toEqual([details, {}]);
  await db.delete(organisations).where(sql`id = ${orgId}`);
});
