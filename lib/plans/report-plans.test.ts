// Plan against fact on the Sales and Managers reports and in GET /api/plans' table, on a small
// April 2025 in Almaty (UTC+5): "today" is 12 April, so 12 of April's 30 days have run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { runReport } from "@/lib/reports/run-report";
import { savePlans } from "./apply";
import { getPlanTable } from "./plan-table";

let testDb: TestDb;
let f: OrgFixture;
const now = new Date("2025-04-12T09:00:00Z");
type Who = "admin" | "director" | "alice" | "bob" | "carol";
const viewer = async (who: Who) => (await loadViewer(testDb.db, f.users[who].id)) as Viewer;

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  const other = await createOrgFixture(testDb.db);
  // alice (Sales): 300 000 won 31 Mar 20:00 UTC = 1 April 01:00 in Almaty, and 100 000 on 10 April
  await f.addDeal({ manager: "alice", stage: "WON", amount: "300000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-31T20:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-04-10T10:00:00Z" });
  // not April's: won 31 March 18:00 UTC = 23:00 in Almaty; a deleted won deal; a lost one
  await f.addDeal({ manager: "alice", stage: "WON", amount: "777000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-31T18:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "900000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-04-03T10:00:00Z", deletedAt: "2025-04-04T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "LOSE", amount: "55000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-04-03T10:00:00Z" });
  // bob (Sales): 150 000; carol (Online): 50 000; a deal with no manager: 10 000 (the whole company's only)
  await f.addDeal({ manager: "bob", stage: "WON", amount: "150000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-04-05T10:00:00Z" });
  await f.addDeal({ manager: "carol", stage: "WON", amount: "50000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-04-06T10:00:00Z" });
  await f.addDeal({ manager: null, stage: "WON", amount: "10000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-04-07T10:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "123456", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-04-07T10:00:00Z" });

  // Plans for April: alice 1 000 000 ₸ and 5 deals, bob 500 000 ₸; Sales has no row of its own
  // (so its plan is its managers': 1 500 000 ₸, 5 deals); Online 200 000 ₸ and 3 deals.
  await savePlans(testDb.db, await viewer("admin"), [
    { month: "2025-04", userId: f.users.alice.id, revenue: "1000000", wonDeals: 5 },
    { month: "2025-04", userId: f.users.bob.id, revenue: "500000", wonDeals: null },
    { month: "2025-04", departmentId: f.departments.online.id, revenue: "200000", wonDeals: 3 },
    // another month's plan is never April's
    { month: "2025-03", userId: f.users.alice.id, revenue: "9999999", wonDeals: 99 },
  ], "api");
  // The other organisation's plans never count here.
  await savePlans(testDb.db, (await loadViewer(testDb.db, other.users.admin.id)) as Viewer, [{ month: "2025-04", departmentId: other.departments.sales.id, revenue: "1", wonDeals: 1 }], "api");
});
afterAll(() => testDb.close());

const sales = async (who: Who, query = "") => runReport(testDb.db, await viewer(who), "sales-by-month", new URLSearchParams(query), now);
const managers = async (who: Who, query = "") => runReport(testDb.db, await viewer(who), "manager-activity", new URLSearchParams(query), now);

describe("the Sales report's plan card", () => {
  it("alice: plan 1 000 000 ₸, fact 300 000 + 100 000 = 400 000 ₸ after 12 of 30 days → 40 %, projection 400 000 ÷ 12 × 30 = 1 000 000 ₸", async () => {
    const report = await sales("alice");
    expect(report.planMonth).toBe("2025-04");
    expect(report.plan).toMatchObject({ elapsedDays: 12, daysInMonth: 30, planRevenue: "1000000.00", factRevenue: "400000.00", revenueDone: 0.4, projectedRevenue: "1000000.00" });
    // 2 of 5 won deals = 40 %; 2 ÷ 12 × 30 = 5
    expect(report.plan).toMatchObject({ planWonDeals: 5, factWonDeals: 2, wonDealsDone: 0.4, projectedWonDeals: 5 });
    // the same fact the report's April row shows
    expect(report.rows.find((row) => row.month === "2025-04")?.wonAmount).toBe("400000.00");
  });

  it("the Sales director: the department's plan is its managers' 1 000 000 + 500 000 = 1 500 000 ₸; fact 400 000 + 150 000 = 550 000 ₸ → 36,67 %, projection 550 000 ÷ 12 × 30 = 1 375 000 ₸", async () => {
    const report = await sales("director");
    expect(report.plan).toMatchObject({ planRevenue: "1500000.00", factRevenue: "550000.00", revenueDone: 0.3667, projectedRevenue: "1375000.00", planWonDeals: 5, factWonDeals: 3, wonDealsDone: 0.6 });
  });

  it("the admin: Sales 1 500 000 + Online 200 000 = 1 700 000 ₸; fact 550 000 + 50 000 + 10 000 (no manager) = 610 000 ₸ → 35,88 %, projection 1 525 000 ₸; deals 5 + 3 = 8", async () => {
    const report = await sales("admin");
    expect(report.plan).toMatchObject({ planRevenue: "1700000.00", factRevenue: "610000.00", revenueDone: 0.3588, projectedRevenue: "1525000.00", planWonDeals: 8, factWonDeals: 5 });
  });

  it("a filter picks the plan: Online's own row (200 000 ₸, 3 deals) against carol's 50 000 ₸ → 25 %; bob's 150 000 of 500 000 ₸ → 30 %", async () => {
    expect((await sales("admin", `departmentId=${f.departments.online.id}`)).plan).toMatchObject({ planRevenue: "200000.00", factRevenue: "50000.00", revenueDone: 0.25, projectedRevenue: "125000.00", planWonDeals: 3 });
    expect((await sales("admin", `managerId=${f.users.bob.id}`)).plan).toMatchObject({ planRevenue: "500000.00", factRevenue: "150000.00", revenueDone: 0.3, projectedRevenue: "375000.00", planWonDeals: null, wonDealsDone: null });
    // carol's CRM account selects carol, who has no plan of her own
    expect((await sales("admin", `managerId=${f.crmUsers.carol.id}`)).plan).toBeNull();
  });

  it("last month's view measures March: alice's 9 999 999 ₸ against March's 777 000 ₸, the month over, so the projection is the fact", async () => {
    const report = await sales("alice", "preset=last-month");
    expect(report.planMonth).toBe("2025-03");
    expect(report.plan).toMatchObject({ elapsedDays: 31, planRevenue: "9999999.00", factRevenue: "777000.00", projectedRevenue: "777000.00", revenueDone: 0.0777 });
  });

  it("carol, with no plan for herself, sees no plan card", async () => {
    expect((await sales("carol")).plan).toBeNull();
  });
});

describe("the Managers report's plan columns", () => {
  it("each person's April plan beside their row; the totals carry the scope's plan", async () => {
    const report = await managers("director");
    const byName = Object.fromEntries(report.rows.map((row) => [row.managerName, row.plan && [row.plan.planRevenue, row.plan.factRevenue, row.plan.revenueDone, row.plan.projectedRevenue]]));
    expect(byName).toEqual({ alice: ["1000000.00", "400000.00", 0.4, "1000000.00"], bob: ["500000.00", "150000.00", 0.3, "375000.00"] });
    expect(report.totals.plan).toMatchObject({ planRevenue: "1500000.00", factRevenue: "550000.00", revenueDone: 0.3667 });
  });

  it("a view of just April (its own figures are the plan's fact) gives the same plan figures, and its won amounts equal the facts", async () => {
    const report = await managers("director", "preset=this-month");
    expect(report.rows.map((row) => [row.managerName, row.wonAmount, row.plan?.factRevenue, row.plan?.revenueDone])).toEqual([
      ["alice", "400000.00", "400000.00", 0.4],
      ["bob", "150000.00", "150000.00", 0.3],
    ]);
    // with a pipeline filter the table narrows, the plan's fact does not (a plan has no pipeline)
    const other = await managers("director", `preset=this-month&pipelineId=${crypto.randomUUID()}`);
    expect(other.rows).toEqual([]);
    expect(other.totals.plan).toMatchObject({ factRevenue: "550000.00", planRevenue: "1500000.00" });
  });

  it("a manager sees their own row and plan only", async () => {
    const report = await managers("bob");
    expect(report.rows.map((row) => [row.managerName, row.plan?.planRevenue])).toEqual([["bob", "500000.00"]]);
  });
});

describe("GET /api/plans' table (getPlanTable)", () => {
  it("the admin sees both departments and every manager, own rows beside the plan in force", async () => {
    const table = await getPlanTable(testDb.db, await viewer("admin"), "2025-04", now);
    expect(table.departments.map((row) => [row.name, row.revenue, row.progress.planRevenue, row.progress.factRevenue])).toEqual([
      ["Online", "200000.00", "200000.00", "50000.00"],
      ["Sales", null, "1500000.00", "550000.00"], // no row of its own: its managers' sum
    ]);
    expect(table.managers.map((row) => [row.name, row.revenue, row.wonDeals, row.progress.factRevenue])).toEqual([
      ["alice", "1000000.00", 5, "400000.00"],
      ["bob", "500000.00", null, "150000.00"],
      ["carol", null, null, "50000.00"],
    ]);
  });

  it("a director sees their department and its managers; a manager only themselves", async () => {
    const director = await getPlanTable(testDb.db, await viewer("director"), "2025-04", now);
    expect([director.departments.map((row) => row.name), director.managers.map((row) => row.name)]).toEqual([["Sales"], ["alice", "bob"]]);
    const alice = await getPlanTable(testDb.db, await viewer("alice"), "2025-04", now);
    expect([alice.departments, alice.managers.map((row) => [row.name, row.revenue, row.progress.revenueDone])]).toEqual([[], [["alice", "1000000.00", 0.4]]]);
  });
});
