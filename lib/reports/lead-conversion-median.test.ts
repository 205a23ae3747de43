// The median days to conversion: each lead's days rounded to a tenth (the precision shown) first,
// whole months of a period read from the monthly histogram and partial months from the lead facts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSourcedLead } from "@/db/test/activity-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod } from "./filters";
import { getLeadConversion } from "./lead-conversion";

let testDb: TestDb;
let f: OrgFixture;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" }; // UTC+5
const now = new Date("2025-04-15T09:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  const converted = (createdAt: string, convertedAt: string, manager: "alice" | "bob") =>
    addSourcedLead(testDb.db, f, { manager, createdAt, channel: "Сайт", status: "converted", convertedAt });
  // A: 20 January, converted 1 d 0 h 57 min 36 s later = 1.04 days → 1.0
  await converted("2025-01-20T05:00:00Z", "2025-01-21T05:57:36Z", "alice");
  // B: 3 February, converted 1 d 1 h 12 min later = 1.05 days → 1.1 (half a tenth rounds up)
  await converted("2025-02-03T05:00:00Z", "2025-02-04T06:12:00Z", "bob");
  // C: 20 February, converted 3 days later → 3.0
  await converted("2025-02-20T05:00:00Z", "2025-02-23T05:00:00Z", "bob");
});
afterAll(() => testDb.close());

async function median(from: string, to: string) {
  const user = f.users.admin;
  const filters = { from, to };
  const report = await getLeadConversion({ db: testDb.db, scope: scopeOf({ ...user, userId: user.id }), org, filters, period: resolvePeriod(filters, org.timezone, now), now });
  return { total: report.totals.medianDaysToConvert, byManager: report.byManager.map((row) => [row.managerName, row.medianDaysToConvert]) };
}

describe("median days to conversion", () => {
  it("rounds each lead to a tenth before taking the middle: A and B give (1.0 + 1.1) ÷ 2 = 1.05 → 1.1", async () => {
    // 15 January – 10 February: no whole month, both days from the lead facts. (The unrounded
    // median, (1.04 + 1.05) ÷ 2 = 1.045, would show 1.0.)
    expect(await median("2025-01-15", "2025-02-10")).toEqual({ total: 1.1, byManager: [["alice", 1], ["bob", 1.1]] });
  });

  it("reads whole months from the histogram: January and February give 1.0, 1.1, 3.0 → 1.1", async () => {
    expect(await median("2025-01-01", "2025-02-28")).toEqual({ total: 1.1, byManager: [["alice", 1], ["bob", 2.1]] }); // bob: (1.1 + 3.0) ÷ 2 = 2.05 → 2.1
  });

  it("mixes a partial month with a whole one: from 21 January (A, on the 20th, left out) B and C give 2.05 → 2.1", async () => {
    expect(await median("2025-01-21", "2025-02-28")).toEqual({ total: 2.1, byManager: [["bob", 2.1]] });
  });
});
