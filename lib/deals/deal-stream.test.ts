// The export's read of the deals list: the same rows, values and order as the table's pages (on
// PostgreSQL through one server-side cursor, on PGlite batch by batch), counted without sums.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import { countDeals, dealListFiltersSchema, listDeals, streamDeals, type DealListFilters, type DealListRow } from "./deal-list";

let testDb: TestDb;
let f: OrgFixture;
const now = new Date("2025-05-10T09:00:00Z");
const ids: Record<string, string> = {};

type Who = "admin" | "alice" | "bob";
const scope = (who: Who): Scope => scopeOf({ ...f.users[who], userId: f.users[who].id });
const filters = (input: Record<string, string>): DealListFilters => dealListFiltersSchema.parse(input);

/** `keysetRows` (PGlite only) as small as the batches, so the keyset queries continue one another. */
async function streamAll(who: Who, input: Record<string, string>, batchSize: number, keysetRows = batchSize): Promise<DealListRow[][]> {
  const batches: DealListRow[][] = [];
  for await (const batch of streamDeals(testDb.db, scope(who), filters(input), batchSize, now, keysetRows)) batches.push(batch);
  return batches;
}

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db); // base currency KZT
  const other = await createOrgFixture(testDb.db);
  await f.addRate("USD", "2025-02-01", "500");
  const add = async (label: string, input: Parameters<OrgFixture["addDeal"]>[0]) => (ids[label] = (await f.addDeal(input)).id);
  await add("aliceWon", { manager: "alice", stage: "WON", amount: "5000", createdAt: "2025-01-02T10:00:00Z", closedAt: "2025-01-15T10:00:00Z" });
  await add("aliceUsd", { manager: "alice", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-10T10:00:00Z" });
  await add("bobLost", { manager: "bob", stage: "LOSE", amount: "500", createdAt: "2025-02-06T10:00:00Z", closedAt: "2025-02-21T10:00:00Z" });
  await add("bobOpen", { manager: "bob", stage: "EXECUTING", amount: "600.5", createdAt: "2025-03-01T10:00:00Z" });
  await add("nobodyOpen", { manager: null, stage: "NEW", amount: "0", createdAt: "2025-03-02T10:00:00Z" });
  await add("euroNoRate", { manager: "alice", stage: "NEW", amount: "70", currency: "EUR", createdAt: "2025-03-03T10:00:00Z" });
  await add("deleted", { manager: "alice", stage: "WON", amount: "99999", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-12T10:00:00Z", deletedAt: "2025-02-13T10:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "555555", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-10T10:00:00Z" });
  // Microseconds, which PostgreSQL keeps and a JavaScript Date drops.
  await testDb.db.update(deals).set({ createdAt: sql`'2025-02-01 10:00:00.123987+00'::timestamptz` }).where(eq(deals.id, ids.aliceUsd));
});
afterAll(() => testDb.close());

/** A page row without what only the screen shows (the CRM link, the patterns and the win chance). */
function omitScreenOnly<T extends { crmUrl: unknown; patterns: unknown; winProbability: unknown }>(row: T): Omit<T, "crmUrl" | "patterns" | "winProbability"> {
  const copy: Partial<T> = { ...row };
  delete copy.crmUrl;
  delete copy.patterns;
  delete copy.winProbability;
  return copy as Omit<T, "crmUrl" | "patterns" | "winProbability">;
}

describe("streaming the deals list for an export", () => {
  it("yields exactly the rows of the table's pages, in the same order, for every sort", async () => {
    for (const sort of ["created", "closed", "amount", "title", "manager", "touches"]) {
      for (const order of ["asc", "desc"]) {
        const listed = await listDeals(testDb.db, scope("admin"), filters({ sort, order }), { limit: 500 }, now);
        // the page's CRM links and patterns are the screen's; an export streams the list's columns
        const page = { deals: listed.deals.map((row) => omitScreenOnly(row)) };
        const batches = await streamAll("admin", { sort, order }, 4);
        // 6 live deals of this organisation in batches of 4: 4 + 2.
        expect(batches.map((batch) => batch.length), `${sort} ${order}`).toEqual([4, 2]);
        expect(batches.flat(), `${sort} ${order}`).toEqual(page.deals);
        // PostgreSQL: one cursor read 2 rows at a time. PGlite: a keyset query of 5 rows handed
        // over as 2 + 2 + 1, then a second query for the 6th.
        const sliced = await streamAll("admin", { sort, order }, 2, 5);
        expect(sliced.map((batch) => batch.length), `${sort} ${order}`).toEqual(testDb.mode === "postgres" ? [2, 2, 2] : [2, 2, 1, 1]);
        expect(sliced.flat(), `${sort} ${order}`).toEqual(page.deals);
      }
    }
  });

  it("hands over amounts as decimal strings and instants as ISO strings to the millisecond", async () => {
    const rows = (await streamAll("alice", { sort: "created", order: "asc" }, 100)).flat();
    const usd = rows.find((row) => row.id === ids.aliceUsd)!;
    expect(usd).toMatchObject({
      amount: "200.00",
      currency: "USD",
      baseAmount: "100000.00", // 200 $ × 500 ₸ = 100 000 ₸
      semantic: "won",
      createdAt: "2025-02-01T10:00:00.123Z", // .123987 cut to milliseconds, as Date#toISOString would
      closedAt: "2025-02-10T10:00:00.000Z",
      managerId: f.crmUsers.alice.id,
    });
    const euro = rows.find((row) => row.id === ids.euroNoRate)!;
    expect(euro).toMatchObject({ amount: "70.00", baseAmount: null, closedAt: null, semantic: "open" });
    const nobody = (await streamAll("admin", { sort: "created", order: "asc" }, 100)).flat().find((row) => row.id === ids.nobodyOpen)!;
    expect(nobody).toMatchObject({ managerId: null, managerName: null, amount: "0.00", baseAmount: "0.00" });
  });

  it("stops reading when the reader stops, and the database answers the next query", async () => {
    const stream = streamDeals(testDb.db, scope("admin"), filters({ sort: "amount" }), 2, now);
    const first = await stream.next();
    expect(first.done ? [] : first.value).toHaveLength(2);
    await stream.return(undefined);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    // Still usable afterwards: bob sees his 2 live deals.
    expect((await streamAll("bob", {}, 10)).flat().map((row) => row.id).sort()).toEqual([ids.bobLost, ids.bobOpen].sort());
  });

  it("counts the matching deals within the viewer's scope", async () => {
    expect((await countDeals(testDb.db, scope("admin"), filters({}), now)).total).toBe(6); // 7 added, 1 deleted
    expect((await countDeals(testDb.db, scope("admin"), filters({ status: "open" }), now)).total).toBe(3); // bobOpen, nobodyOpen, euroNoRate
    expect((await countDeals(testDb.db, scope("alice"), filters({ status: "won" }), now)).total).toBe(2); // aliceWon, aliceUsd
    const march = await countDeals(testDb.db, scope("admin"), filters({ from: "2025-03-01", to: "2025-03-31" }), now);
    expect(march).toMatchObject({ total: 3, currency: "KZT" }); // bobOpen, nobodyOpen, euroNoRate
  });
});
