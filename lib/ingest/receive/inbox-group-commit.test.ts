// Group commit through the real receiving path and database: concurrent deliveries share INSERTs,
// nobody is answered 200 before their row is committed, and a failed commit stores nothing and
// answers 503 to every delivery in it.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { Db } from "@/db/types";
import { shopBody, shopSignature } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { deliveryFromRequest } from "./delivery";
import { receiveWebhook } from "./receive-webhook";

let testDb: TestDb;
let s: TestSources;

beforeAll(async () => {
  testDb = await createTestDb();
  const fixture = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, fixture.org.id);
});
afterAll(() => testDb.close());

type Query = Parameters<Db["execute"]>[0];

/**
 * The test database, except that the inbox INSERT (the receiving path's only `execute`) goes
 * through `write`, told how many deliveries it carries. A new object, so it has its own group commit.
 */
function withInboxWrite(write: (rows: number, run: () => Promise<unknown>, bodies: string[]) => Promise<unknown>): Db {
  const db = Object.create(testDb.db) as Db;
  const dialect = (testDb.db as unknown as { dialect: { sqlToQuery: (query: Query) => { params: unknown[] } } }).dialect;
  (db as { execute: unknown }).execute = (query: Query) => {
    const rows = JSON.parse(String(dialect.sqlToQuery(query).params[0])) as { body: string }[];
    return write(
      rows.length,
      () => testDb.db.execute(query),
      rows.map((row) => row.body),
    );
  };
  return db;
}

function postOrder(db: Db, id: string, body = shopBody("order.created", { id, status: "completed", createdAt: "2026-11-20T12:00:00+05:00", total: "100" })) {
  const request = new Request("http://localhost/api/webhooks/shop/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-voronka-signature": shopSignature(s.shop.webhookSecret, body) },
  });
  return receiveWebhook(db, { kind: "shop", sourceId: s.shop.id }, deliveryFromRequest(request));
}

const storedOrderIds = async (ids: number[]) =>
  ids.length === 0 ? [] : (await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(and(eq(webhookEvents.sourceId, s.shop.id), inArray(webhookEvents.id, ids)))).map((r) => r.id);

describe("group commit of deliveries", () => {
  it("answers 20 concurrent deliveries only after their INSERT committed, in fewer INSERTs than deliveries", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let inserts = 0;
    const db = withInboxWrite(async (_rows, run) => {
      inserts++;
      await gate; // the commit has not happened yet
      return run();
    });
    let answered = 0;
    const posts = Array.from({ length: 20 }, (_, i) => postOrder(db, `GC-${i}`).then((result) => (answered++, result)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(0);
    open();
    const results = await Promise.all(posts);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const ids = results.map((r) => r.storedId!);
    expect(new Set(ids).size).toBe(20);
    // Every id answered is a committed row of this source.
    expect((await storedOrderIds(ids)).sort()).toEqual([...ids].sort());
    // Each answer names its own delivery: the row with the id answered for GC-7 holds GC-7's body.
    const [row] = await testDb.db.select({ body: webhookEvents.body }).from(webhookEvents).where(eq(webhookEvents.id, results[7].storedId!));
    expect(JSON.parse(row.body).order.id).toBe("GC-7");
    expect(inserts).toBeGreaterThan(0);
    expect(inserts).toBeLessThan(20);
  });

  it("answers 503 to every delivery of a batch whose commit fails, and stores none of them", async () => {
    const db = withInboxWrite(() => Promise.reject(Object.assign(new Error("Connection terminated unexpectedly"), { code: "57P01" })));
    const before = await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, s.shop.id));
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => postOrder(db, `FAIL-${i}`)));
    expect(results.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(results.map((r) => r.storedId)).toEqual([null, null, null, null, null]);
    const after = await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, s.shop.id));
    expect(after.length).toBe(before.length);
  });

  it("lets a delivery the database refuses (a data exception) fail alone while the others of its batch are stored", async () => {
    // A held INSERT fills the write slot, so the next three deliveries queue up as one batch. Any
    // INSERT carrying the poisoned body fails as PostgreSQL fails a value it cannot store (SQLSTATE
    // class 22); receivers now keep out the one such value known (a NUL), so it is simulated here.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const batchSizes: number[] = [];
    const db = withInboxWrite(async (rows, run, bodies) => {
      batchSizes.push(rows);
      if (batchSizes.length === 1) await gate;
      if (bodies.some((body) => body.includes("POISON"))) throw Object.assign(new Error("invalid byte sequence for encoding \"UTF8\""), { code: "22021" });
      return run();
    });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    const blocker = postOrder(db, "HOLD-1");
    await pause();
    const poisoned = `{"event":"order.created","order":{"id":"POISON"}}`;
    const batch = [postOrder(db, "OK-1"), postOrder(db, "POISON", poisoned), postOrder(db, "OK-2")];
    await pause();
    open();
    const results = await Promise.all(batch);
    await blocker;
    // The batch of 3 failed as a whole, then each was written alone: only the poisoned one is refused.
    expect(batchSizes).toEqual([1, 3, 1, 1, 1]);
    expect(results.map((r) => r.status)).toEqual([200, 503, 200]);
    expect((await storedOrderIds([results[0].storedId!, results[2].storedId!])).length).toBe(2);
  });

  it("stores an event name cut in the middle of an emoji (the half as U+FFFD) instead of refusing it", async () => {
    const body = JSON.stringify({ event: `${"x".repeat(99)}😀`, order: { id: "E-1" } });
    const result = await postOrder(testDb.db, "E-1", body);
    expect(result.status).toBe(200); // stored as ignored: not an order event
    const [row] = await testDb.db.select({ eventType: webhookEvents.eventType, status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.id, result.storedId!));
    expect(row).toEqual({ eventType: `${"x".repeat(99)}\uFFFD`, status: "ignored" });
  });
});
