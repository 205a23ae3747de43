// The deals behind a figure: the same filters, scope and buckets as the reports, so the list a
// person opens from a bar holds exactly the deals the bar counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import { resolvePeriod, type ReportFilters } from "@/lib/reports/filters";
import { findReport } from "@/lib/reports/registry";
import { dealListFiltersSchema, listDeals, streamDeals, type DealListFilters, type DealListRow } from "./deal-list";

let testDb: TestDb;
let f: OrgFixture;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" }; // UTC+5
const now = new Date("2025-05-10T09:00:00Z");
let other: OrgFixture; // another organisation, whose deals and stages count nowhere
const name = new Map<string, string>(); // deal id → a name the assertions read

type Who = "admin" | "director" | "alice" | "bob" | "carol";
const scope = (who: Who): Scope => scopeOf({ ...f.users[who], userId: f.users[who].id });
const filters = (input: Record<string, string>): DealListFilters => dealListFiltersSchema.parse(input);
const names = (rows: DealListRow[]) => rows.map((row) => name.get(row.id));

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  await f.addRate("USD", "2025-02-01", "500");
  const add = async (label: string, input: Parameters<OrgFixture["addDeal"]>[0]) => name.set((await f.addDeal(input)).id, label);
  await add("aliceJan", { manager: "alice", stage: "WON", amount: "5000", createdAt: "2025-01-02T10:00:00Z", closedAt: "2025-01-15T10:00:00Z" });
  // 31 January 20:30 UTC is 1 February 01:30 in Almaty: a February win
  await add("aliceFebEdge", { manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-01-10T10:00:00Z", closedAt: "2025-01-31T20:30:00Z" });
  await add("aliceUsd", { manager: "alice", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-10T10:00:00Z" }); // 200 × 500 = 100 000 ₸
  await add("bobWon", { manager: "bob", stage: "WON", amount: "3000", createdAt: "2025-02-05T10:00:00Z", closedAt: "2025-02-20T10:00:00Z" });
  await add("bobLost", { manager: "bob", stage: "LOSE", amount: "500", createdAt: "2025-02-06T10:00:00Z", closedAt: "2025-02-21T10:00:00Z" });
  await add("carolWon", { manager: "carol", stage: "WON", amount: "7000", createdAt: "2025-02-07T10:00:00Z", closedAt: "2025-02-15T10:00:00Z" });
  await add("aliceOpen", { manager: "alice", stage: "NEW", amount: "400", createdAt: "2025-02-08T10:00:00Z" });
  await add("bobOpen", { manager: "bob", stage: "EXECUTING", amount: "600", createdAt: "2025-03-01T10:00:00Z" });
  await add("nobodyWon", { manager: null, stage: "WON", amount: "9000", createdAt: "2025-02-09T10:00:00Z", closedAt: "2025-02-11T10:00:00Z" });
  await add("deleted", { manager: "alice", stage: "WON", amount: "99999", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-12T10:00:00Z", deletedAt: "2025-02-13T10:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "555555", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-10T10:00:00Z" });
});
afterAll(() => testDb.close());

const wholeQuarter = { from: "2025-01-01", to: "2025-03-31" };
const febWins = { ...wholeQuarter, status: "won", periodOn: "closed", month: "2025-02" };

async function report<T>(report: string, who: Who, input: ReportFilters): Promise<T> {
  return (await findReport(report)!.run({ db: testDb.db, scope: scope(who), org, filters: input, period: resolvePeriod(input, org.timezone, now), now })) as T;
}

describe("the deals behind a month bar of Sales by month", () => {
  it("lists February's wins for an admin, the total equal to the bar", async () => {
    const page = await listDeals(testDb.db, scope("admin"), filters({ ...febWins, sort: "amount" }), { limit: 50 }, now);
    // 100 000 (200 $ × 500) + 9 000 + 7 000 + 3 000 + 1 000 (won 1 Feb 01:30 in Almaty) = 120 000 ₸ from 5 deals;
    // the deleted deal, January's win and the lost deal are not listed
    expect(names(page.deals)).toEqual(["aliceUsd", "nobodyWon", "carolWon", "bobWon", "aliceFebEdge"]);
    expect({ total: page.total, totalBaseAmount: page.totalBaseAmount, nextCursor: page.nextCursor }).toEqual({ total: 5, totalBaseAmount: "120000.00", nextCursor: null });
    const sales = await report<{ rows: { month: string; wonCount: number; wonAmount: string }[] }>("sales-by-month", "admin", wholeQuarter);
    const february = sales.rows.find((row) => row.month === "2025-02")!;
    expect({ total: page.total, totalBaseAmount: page.totalBaseAmount }).toEqual({ total: february.wonCount, totalBaseAmount: february.wonAmount });
  });

  it("shows a row as a person reads it: both amounts, names, ISO times", async () => {
    const page = await listDeals(testDb.db, scope("alice"), filters({ ...febWins, sort: "amount" }), { limit: 1 }, now);
    expect(page.deals[0]).toMatchObject({
      title: expect.any(String),
      managerName: "alice",
      pipelineName: "General",
      stageName: "WON",
      semantic: "won",
      amount: "200.00",
      currency: "USD",
      baseAmount: "100000.00",
      createdAt: "2025-02-01T10:00:00.000Z",
      closedAt: "2025-02-10T10:00:00.000Z",
      sourceName: "Portal",
    });
  });

  it("gives a manager only their own deals and a director only the department's", async () => {
    const alice = await listDeals(testDb.db, scope("alice"), filters(febWins), { limit: 50 }, now);
    const bob = await listDeals(testDb.db, scope("bob"), filters(febWins), { limit: 50 }, now);
    const director = await listDeals(testDb.db, scope("director"), filters(febWins), { limit: 50 }, now);
    // alice: 1 000 + 100 000 = 101 000; bob: 3 000; the director (alice + bob): 104 000 from 3 deals
    expect([alice.total, alice.totalBaseAmount, names(alice.deals).sort()]).toEqual([2, "101000.00", ["aliceFebEdge", "aliceUsd"]]);
    expect([bob.total, bob.totalBaseAmount, names(bob.deals)]).toEqual([1, "3000.00", ["bobWon"]]);
    expect([director.total, director.totalBaseAmount]).toEqual([3, "104000.00"]);
    expect(director.deals.every((row) => row.managerName === "alice" || row.managerName === "bob")).toBe(true);
  });

  it("refuses a manager filter outside the viewer's scope", async () => {
    await expect(listDeals(testDb.db, scope("alice"), filters({ managerId: f.crmUsers.carol.id }), { limit: 50 }, now)).rejects.toMatchObject({ status: 403 });
    await expect(listDeals(testDb.db, scope("director"), filters({ departmentId: f.departments.online.id }), { limit: 50 }, now)).rejects.toMatchObject({ status: 403 });
  });
});

describe("the deals behind a stage, a manager's bar and a status", () => {
  it("lists the deals created in the period now in a stage: the funnel's current count", async () => {
    const page = await listDeals(testDb.db, scope("admin"), filters({ ...wholeQuarter, stageId: f.stages.EXECUTING.id }), { limit: 50 }, now);
    expect([page.total, page.totalBaseAmount, names(page.deals)]).toEqual([1, "600.00", ["bobOpen"]]);
    const funnel = await report<{ rows: { stageId: string; currentCount: number; currentAmount: string }[] }>("sales-funnel", "admin", wholeQuarter);
    const executing = funnel.rows.find((row) => row.stageId === f.stages.EXECUTING.id)!;
    expect([page.total, page.totalBaseAmount]).toEqual([executing.currentCount, executing.currentAmount]);
  });

  it("lists the deals that reached a stage in the period: the funnel's bar, for an admin and a director", async () => {
    // No stage changes are recorded here, so each deal entered its current stage when it was created;
    // a won deal passes every open stage, a NEW or lost one does not reach EXECUTING. In the quarter:
    // the six live wins (the deleted one never counts) plus bobOpen, now in EXECUTING = 7.
    const quarter = await listDeals(testDb.db, scope("admin"), filters({ ...wholeQuarter, reachedStageId: f.stages.EXECUTING.id, sort: "created", order: "asc" }), { limit: 50 }, now);
    expect(names(quarter.deals)).toEqual(["aliceJan", "aliceFebEdge", "aliceUsd", "bobWon", "carolWon", "nobodyWon", "bobOpen"]);
    // The caption names the stage: most of these deals stand at WON now, so no row could tell it.
    expect(quarter.reachedStage).toEqual({ name: "EXECUTING", pipelineName: "General" });
    // Another organisation's stage is named nowhere (and matches no deal).
    const foreign = await listDeals(testDb.db, scope("admin"), filters({ ...wholeQuarter, reachedStageId: other.stages.EXECUTING.id }), { limit: 50 }, now);
    expect([foreign.total, foreign.reachedStage]).toEqual([0, null]);
    const funnel = await report<{ rows: { stageId: string; reachedCount: number }[] }>("sales-funnel", "admin", wholeQuarter);
    expect(quarter.total).toBe(funnel.rows.find((row) => row.stageId === f.stages.EXECUTING.id)!.reachedCount);

    // February alone: the deals created in February that passed EXECUTING (aliceFebEdge was created in January).
    const february = await listDeals(testDb.db, scope("admin"), filters({ from: "2025-02-01", to: "2025-02-28", reachedStageId: f.stages.EXECUTING.id, sort: "created", order: "asc" }), { limit: 50 }, now);
    expect(names(february.deals)).toEqual(["aliceUsd", "bobWon", "carolWon", "nobodyWon"]);

    // A director (alice and bob): 5 of the 7, and again the funnel's own figure.
    const director = await listDeals(testDb.db, scope("director"), filters({ ...wholeQuarter, reachedStageId: f.stages.EXECUTING.id, sort: "created", order: "asc" }), { limit: 50 }, now);
    expect(names(director.deals)).toEqual(["aliceJan", "aliceFebEdge", "aliceUsd", "bobWon", "bobOpen"]);
    const directorFunnel = await report<{ rows: { stageId: string; reachedCount: number }[] }>("sales-funnel", "director", wholeQuarter);
    expect(director.total).toBe(directorFunnel.rows.find((row) => row.stageId === f.stages.EXECUTING.id)!.reachedCount);
  });

  it("lists a manager's wins in the period: the Managers bar (a person: the Voronka user's id)", async () => {
    const page = await listDeals(testDb.db, scope("director"), filters({ ...wholeQuarter, managerId: f.users.alice.id, status: "won", periodOn: "closed" }), { limit: 50 }, now);
    // alice won 5 000 in January, 1 000 and 100 000 in February
    expect([page.total, page.totalBaseAmount]).toEqual([3, "106000.00"]);
    const activity = await report<{ rows: { managerId: string; dealsWon: number; wonAmount: string }[] }>("manager-activity", "director", wholeQuarter);
    const alice = activity.rows.find((row) => row.managerId === f.users.alice.id)!;
    expect([page.total, page.totalBaseAmount]).toEqual([alice.dealsWon, alice.wonAmount]);
  });

  it("filters by status and by creation date", async () => {
    const lost = await listDeals(testDb.db, scope("admin"), filters({ status: "lost" }), { limit: 50 }, now);
    expect(names(lost.deals)).toEqual(["bobLost"]);
    // created in March: only bob's open deal; without any period every non-deleted deal (9) is listed
    const march = await listDeals(testDb.db, scope("admin"), filters({ from: "2025-03-01", to: "2025-03-31" }), { limit: 50 }, now);
    expect(names(march.deals)).toEqual(["bobOpen"]);
    expect((await listDeals(testDb.db, scope("admin"), filters({}), { limit: 50 }, now)).total).toBe(9);
  });
});

describe("sorting and paging", () => {
  const everything = { from: "2025-01-01", to: "2025-03-31" };

  it("sorts by amount in the base currency, by title, by manager and by close date", async () => {
    const list = async (sort: string, order: string) => names((await listDeals(testDb.db, scope("director"), filters({ ...everything, sort, order }), { limit: 50 }, now)).deals);
    // the director's deals: alice 5 000, 1 000, 100 000 (200 $), 400; bob 3 000, 500, 600
    expect(await list("amount", "asc")).toEqual(["aliceOpen", "bobLost", "bobOpen", "aliceFebEdge", "bobWon", "aliceJan", "aliceUsd"]);
    // open deals have no close date and come last either way
    const closedDesc = await list("closed", "desc");
    expect(closedDesc.slice(0, 5)).toEqual(["bobLost", "bobWon", "aliceUsd", "aliceFebEdge", "aliceJan"]);
    expect(closedDesc.slice(5).sort()).toEqual(["aliceOpen", "bobOpen"]);
    expect((await list("closed", "asc")).slice(0, 5)).toEqual(["aliceJan", "aliceFebEdge", "aliceUsd", "bobWon", "bobLost"]);
    const byManager = await listDeals(testDb.db, scope("director"), filters({ ...everything, sort: "manager", order: "desc" }), { limit: 50 }, now);
    expect(byManager.deals.map((row) => row.managerName)).toEqual(["bob", "bob", "bob", "alice", "alice", "alice", "alice"]);
  });

  it("walks every page exactly once in each order, and the stream yields the same rows", async () => {
    for (const sort of ["created", "closed", "amount", "title", "manager"]) {
      for (const order of ["asc", "desc"]) {
        const all = await listDeals(testDb.db, scope("admin"), filters({ sort, order }), { limit: 500 }, now);
        const paged: DealListRow[] = [];
        let cursor: string | undefined;
        do {
          const page = await listDeals(testDb.db, scope("admin"), filters({ sort, order }), { limit: 2, cursor }, now);
          expect(page.total).toBe(9);
          paged.push(...page.deals);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(names(paged), `${sort} ${order}`).toEqual(names(all.deals));
        const streamed: DealListRow[] = [];
        for await (const batch of streamDeals(testDb.db, scope("admin"), filters({ sort, order }), 2, now)) {
          expect(batch.length).toBeLessThanOrEqual(2);
          streamed.push(...batch);
        }
        expect(names(streamed), `stream ${sort} ${order}`).toEqual(names(all.deals));
      }
    }
  });

  it("streams only the viewer's deals", async () => {
    const streamed: DealListRow[] = [];
    for await (const batch of streamDeals(testDb.db, scope("bob"), filters({}), 5000, now)) streamed.push(...batch);
    expect(names(streamed).sort()).toEqual(["bobLost", "bobOpen", "bobWon"]);
  });

  it("refuses a cursor from another sort order and a forged cursor", async () => {
    const first = await listDeals(testDb.db, scope("admin"), filters({ sort: "amount" }), { limit: 2 }, now);
    await expect(listDeals(testDb.db, scope("admin"), filters({ sort: "title" }), { limit: 2, cursor: first.nextCursor! }, now)).rejects.toMatchObject({ code: "cursor_sort_mismatch", field: "cursor" });
    const forged = Buffer.from(JSON.stringify(["amount", "desc", "1; drop table deals", "00000000-0000-0000-0000-000000000000"])).toString("base64url");
    await expect(listDeals(testDb.db, scope("admin"), filters({ sort: "amount" }), { limit: 2, cursor: forged }, now)).rejects.toMatchObject({ code: "invalid_cursor", field: "cursor" });
  });

  it("names the bad parameter", () => {
    expect(() => filters({ sort: "price" })).toThrow(/must be one of created, closed, amount, title, manager/);
    expect(() => filters({ month: "2025-13" })).toThrow(/must be a month as YYYY-MM/);
    expect(() => filters({ status: "maybe" })).toThrow(/must be one of won, lost, open/);
  });
});
