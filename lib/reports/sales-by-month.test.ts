import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getSalesByMonth } from "./sales-by-month";

let testDb: TestDb;
let f: OrgFixture;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" }; // UTC+5
const now = new Date("2025-05-10T09:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  const other = await createOrgFixture(testDb.db);
  await f.addRate("USD", "2025-01-01", "500");
  await f.addRate("USD", "2025-01-18", "510");
  const won = (manager: "alice" | "bob" | "carol", amount: string, closedAt: string, extra: { currency?: string; deletedAt?: string } = {}) =>
    f.addDeal({ manager, stage: "WON", amount, createdAt: "2023-12-01T10:00:00Z", closedAt, ...extra });
  // January 2025
  await won("alice", "100000", "2025-01-15T10:00:00Z");
  await won("bob", "200", "2025-01-20T10:00:00Z", { currency: "USD" }); // rate of 18 January: 200 × 510 = 102 000 ₸
  await won("bob", "1000", "2024-12-31T19:30:00Z"); // 1 January 00:30 in Almaty
  // 31 January 20:30 UTC is 1 February 01:30 in Almaty: February
  await won("alice", "50000", "2025-01-31T20:30:00Z");
  // March
  await won("carol", "30000", "2025-03-05T10:00:00Z");
  // Counted nowhere: a deleted won deal, a lost deal, an open deal, another organisation's deal.
  await won("alice", "999999", "2025-03-06T10:00:00Z", { deletedAt: "2025-03-07T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "40000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-10T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "NEW", amount: "7000", createdAt: "2025-03-01T10:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "555555", createdAt: "2025-01-01T10:00:00Z", closedAt: "2025-01-10T10:00:00Z" });
  // A year before
  await won("alice", "80000", "2024-01-10T10:00:00Z");
  await won("carol", "10000", "2024-02-29T18:00:00Z"); // 29 February 23:00 in Almaty
  await won("bob", "20000", "2024-03-31T19:30:00Z"); // 1 April 00:30 in Almaty: April 2024
  // May, the month of "today" (10 May 2025), and May 2024: the 5th is among the same days, the 20th is not
  await won("alice", "7000", "2025-05-03T10:00:00Z");
  await won("alice", "5000", "2024-05-05T10:00:00Z");
  await won("alice", "9000", "2024-05-20T10:00:00Z");
});
afterAll(() => testDb.close());

function run(who: "admin" | "director" | "alice" | "bob" | "carol", filters: ReportFilters = {}) {
  const user = f.users[who];
  const range = { from: "2025-01-01", to: "2025-04-30", ...filters };
  return getSalesByMonth({ db: testDb.db, scope: scopeOf({ ...user, userId: user.id }), org, filters: range, period: resolvePeriod(range, org.timezone, now), now });
}

describe("sales by month", () => {
  it("gives every month of the period, in ₸ at the close date's rate, months cut in Almaty", async () => {
    const report = await run("admin");
    expect(report.rows).toEqual([
      // 100 000 + 200 $ × 510 + 1 000 = 203 000 ₸ from 3 deals; average 67 666.67; January 2024: 80 000
      { month: "2025-01", wonCount: 3, wonAmount: "203000.00", averageAmount: "67666.67", previousYearWonAmount: "80000.00" },
      // the deal won on 31 January 20:30 UTC; February 2024: carol's 10 000 won on the 29th (Almaty)
      { month: "2025-02", wonCount: 1, wonAmount: "50000.00", averageAmount: "50000.00", previousYearWonAmount: "10000.00" },
      // carol 30 000 (the deleted 999 999 counts nowhere); March 2024: bob's deal is in April in Almaty
      { month: "2025-03", wonCount: 1, wonAmount: "30000.00", averageAmount: "30000.00", previousYearWonAmount: "0.00" },
      // no deals in April, but the month is there; April 2024: bob's 20 000
      { month: "2025-04", wonCount: 0, wonAmount: "0.00", averageAmount: null, previousYearWonAmount: "20000.00" },
    ]);
    // 203 000 + 50 000 + 30 000 = 283 000 ₸ from 5 deals, 56 600 each; a year before 80 000 + 10 000 + 20 000
    expect(report.totals).toEqual({ wonCount: 5, wonAmount: "283000.00", averageAmount: "56600.00", previousYearWonAmount: "110000.00" });
    // four months (120 days) are drawn by month: the chart's bars are the rows
    expect(report.chart.bucket).toBe("month");
    expect(report.chart.points.map((point) => [point.key, point.from, point.to, point.wonAmount, point.previousYearWonAmount])).toEqual([
      ["2025-01", "2025-01-01", "2025-01-31", "203000.00", "80000.00"],
      ["2025-02", "2025-02-01", "2025-02-28", "50000.00", "10000.00"],
      ["2025-03", "2025-03-01", "2025-03-31", "30000.00", "0.00"],
      ["2025-04", "2025-04-01", "2025-04-30", "0.00", "20000.00"],
    ]);
  });

  it("shows a manager their own deals and a director their department, the sum of their managers", async () => {
    const [director, alice, bob] = await Promise.all([run("director"), run("alice"), run("bob")]);
    // alice: 100 000 (January) + 50 000 (February); a year before 80 000
    expect(alice.totals).toEqual({ wonCount: 2, wonAmount: "150000.00", averageAmount: "75000.00", previousYearWonAmount: "80000.00" });
    // bob: 102 000 + 1 000 in January; a year before 20 000 (April)
    expect(bob.totals).toEqual({ wonCount: 2, wonAmount: "103000.00", averageAmount: "51500.00", previousYearWonAmount: "20000.00" });
    // director (Sales: alice and bob, not carol): 150 000 + 103 000 = 253 000
    expect(director.totals).toEqual({ wonCount: 4, wonAmount: "253000.00", averageAmount: "63250.00", previousYearWonAmount: "100000.00" });
    expect(director.totals.wonCount).toBe(alice.totals.wonCount + bob.totals.wonCount);
    expect(Number(director.totals.wonAmount)).toBe(Number(alice.totals.wonAmount) + Number(bob.totals.wonAmount));
    expect(Number(director.totals.previousYearWonAmount)).toBe(Number(alice.totals.previousYearWonAmount) + Number(bob.totals.previousYearWonAmount));
    expect(director.rows.map((row) => row.wonAmount)).toEqual(["203000.00", "50000.00", "0.00", "0.00"]);
  });

  it("applies the manager, department, source and pipeline filters", async () => {
    expect((await run("admin", { managerId: f.crmUsers.bob.id })).totals.wonAmount).toBe("103000.00");
    // Online: carol's 30 000, a year before her 10 000
    expect((await run("admin", { departmentId: f.departments.online.id })).totals).toMatchObject({ wonAmount: "30000.00", previousYearWonAmount: "10000.00" });
    expect((await run("admin", { pipelineId: f.pipeline.id })).totals.wonAmount).toBe("283000.00");
    expect((await run("admin", { pipelineId: crypto.randomUUID() })).totals).toEqual({ wonCount: 0, wonAmount: "0.00", averageAmount: null, previousYearWonAmount: "0.00" });
    expect((await run("admin", { sourceId: f.source.id })).totals.wonCount).toBe(5);
  });
});

describe("the chart of a short period", () => {
  const nonZero = (points: { key: string; wonCount: number; wonAmount: string; previousYearWonAmount: string }[]) =>
    points.filter((point) => point.wonCount > 0 || point.previousYearWonAmount !== "0.00").map((point) => [point.key, point.wonCount, point.wonAmount, point.previousYearWonAmount]);

  it("draws January (31 days) by day, in Almaty's days, with the same day a year before", async () => {
    const report = await run("admin", { from: "2025-01-01", to: "2025-01-31" });
    expect(report.chart.bucket).toBe("day");
    expect(report.chart.points).toHaveLength(31);
    expect(report.chart.points[0]).toMatchObject({ key: "2025-01-01", from: "2025-01-01", to: "2025-01-01" });
    expect(nonZero(report.chart.points)).toEqual([
      ["2025-01-01", 1, "1000.00", "0.00"], // bob's 1 000 closed 31 Dec 19:30 UTC, 1 January 00:30 in Almaty
      ["2025-01-10", 0, "0.00", "80000.00"], // alice's 80 000 of 10 January 2024
      ["2025-01-15", 1, "100000.00", "0.00"],
      ["2025-01-20", 1, "102000.00", "0.00"], // 200 $ × 510
    ]);
    // the bars add up to the month's row: 1 000 + 100 000 + 102 000 = 203 000
    expect(report.rows).toEqual([{ month: "2025-01", wonCount: 3, wonAmount: "203000.00", averageAmount: "67666.67", previousYearWonAmount: "80000.00" }]);
  });

  it("draws 1 January – 20 February (51 days) by Monday week, the first and last week clipped", async () => {
    const report = await run("admin", { from: "2025-01-01", to: "2025-02-20" });
    expect(report.chart.bucket).toBe("week");
    expect(report.chart.points.map((point) => [point.key, point.from, point.to])).toEqual([
      ["2024-12-30", "2025-01-01", "2025-01-05"],
      ["2025-01-06", "2025-01-06", "2025-01-12"],
      ["2025-01-13", "2025-01-13", "2025-01-19"],
      ["2025-01-20", "2025-01-20", "2025-01-26"],
      ["2025-01-27", "2025-01-27", "2025-02-02"],
      ["2025-02-03", "2025-02-03", "2025-02-09"],
      ["2025-02-10", "2025-02-10", "2025-02-16"],
      ["2025-02-17", "2025-02-17", "2025-02-20"],
    ]);
    expect(nonZero(report.chart.points)).toEqual([
      ["2024-12-30", 1, "1000.00", "0.00"],
      ["2025-01-06", 0, "0.00", "80000.00"], // 10 January 2024, moved a year on, is in the week of 6 January 2025
      ["2025-01-13", 1, "100000.00", "0.00"],
      ["2025-01-20", 1, "102000.00", "0.00"],
      ["2025-01-27", 1, "50000.00", "0.00"], // closed 31 January 20:30 UTC, 1 February in Almaty
    ]);
  });

  it("shows a manager only their own bars", async () => {
    const report = await run("alice", { from: "2025-01-01", to: "2025-01-31" });
    expect(nonZero(report.chart.points)).toEqual([
      ["2025-01-10", 0, "0.00", "80000.00"],
      ["2025-01-15", 1, "100000.00", "0.00"],
    ]);
  });
});

describe("sales by month of a period still running", () => {
  it("compares this May so far (1–10 May 2025) with 1–10 May 2024, not with all of May 2024", async () => {
    const report = await run("admin", { to: "2025-05-31" });
    // 5 000 of 5 May 2024 is in; 9 000 of 20 May 2024 is after the same days
    expect(report.rows.at(-1)).toEqual({ month: "2025-05", wonCount: 1, wonAmount: "7000.00", averageAmount: "7000.00", previousYearWonAmount: "5000.00" });
    // 110 000 (January – April 2024) + 5 000 = 115 000
    expect(report.totals.previousYearWonAmount).toBe("115000.00");
    // 1 January – 10 May 2024 in Almaty (UTC+6 until March 2024, UTC+5 since)
    expect(report.previousYearPeriod).toEqual({ from: new Date("2023-12-31T18:00:00Z"), to: new Date("2024-05-10T19:00:00Z") });
  });
});
