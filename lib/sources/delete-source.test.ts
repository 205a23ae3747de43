// Deleting a source takes its rows out of every report: the daily rollups the dashboards read hold
// sums, not rows, so they must lose the source's share in the same transaction as its rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod, type ReportFilters } from "@/lib/reports/filters";
import { getSalesByMonth } from "@/lib/reports/sales-by-month";
import { deleteSource } from "./manage-sources";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
const now = new Date("2025-05-10T09:00:00Z");
const range: ReportFilters = { from: "2025-01-01", to: "2025-02-28" };

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  await f.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-01-02T10:00:00Z", closedAt: "2025-01-15T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "WON", amount: "25000", createdAt: "2025-01-03T10:00:00Z", closedAt: "2025-02-10T10:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "7000", createdAt: "2025-01-02T10:00:00Z", closedAt: "2025-01-20T10:00:00Z" });
});
afterAll(() => testDb.close());

function wonByMonth(fixture: OrgFixture) {
  const admin = fixture.users.admin;
  return getSalesByMonth({ db: testDb.db, scope: scopeOf({ ...admin, userId: admin.id }), org, filters: range, period: resolvePeriod(range, org.timezone, now), now }).then((report) =>
    report.rows.map((row) => [row.month, row.wonCount, row.wonAmount]),
  );
}

describe("deleting a source", () => {
  it("removes its won deals from the sales report and leaves other organisations' figures alone", async () => {
    expect(await wonByMonth(f)).toEqual([
      ["2025-01", 1, "100000.00"],
      ["2025-02", 1, "25000.00"],
    ]);
    await deleteSource(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, f.source.id);
    expect(await wonByMonth(f)).toEqual([
      ["2025-01", 0, "0.00"],
      ["2025-02", 0, "0.00"],
    ]);
    expect(await wonByMonth(other)).toEqual([
      ["2025-01", 1, "7000.00"],
      ["2025-02", 0, "0.00"],
    ]);
  });
});
