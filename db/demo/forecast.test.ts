// The demo has a season (a summer dip, a November–December peak) and ~30 %/year growth
// (db/demo/timeline.ts), so the revenue forecast has something to find. This measures how well it
// does on the demo as the product seeds it, for the whole organisation and one manager.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import { resolvePeriod } from "@/lib/reports/filters";
import { getRevenueForecast } from "@/lib/reports/revenue-forecast";
import { selectRows } from "../migrate";
import { createTestDb, type TestDb } from "../test/test-db";
import { deleteOrganisation } from "./remove";
import { DEFAULT_DEMO_DEALS, seedDemo } from "./index";

const NOW = new Date("2026-12-07T06:00:00Z"); // 11:00 in Almaty
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };

let testDb: TestDb;
let orgId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  ({ orgId } = await seedDemo(testDb.db, { now: NOW, emailDomain: `forecast-${randomUUID().slice(0, 8)}.test` }));
}, 300_000);
afterAll(async () => {
  if (orgId) await deleteOrganisation(testDb.db, orgId);
  await testDb.close();
});

const run = (scope: Scope, preset: "all-time" = "all-time") => getRevenueForecast({ db: testDb.db, scope, org, filters: { preset }, period: resolvePeriod({ preset }, org.timezone, NOW), now: NOW });

describe(`the forecast on the demo (${DEFAULT_DEMO_DEALS} deals, today 7 December 2026)`, () => {
  it("forecasts the organisation from 24 months and backtests its last 8 months within the documented error", async () => {
    const report = await run({ kind: "org", orgId }, "all-time");
    expect(report.history).toEqual({ months: 24, needed: 16 });
    // April 2026 … November 2026: the months with 16 or more months before them.
    expect(report.backtest.rows.map((row) => row.month)).toEqual(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    console.info(`demo, organisation: MAPE ${report.backtest.mape} %, WAPE ${report.backtest.wape} %, 80 % held ${report.backtest.held80}/${report.backtest.rows.length}, 95 % held ${report.backtest.held95}/${report.backtest.rows.length}, next 3 ${report.totals.next3}, next 6 ${report.totals.next6}`);
    // The demo's months are noisy (a few hundred deals of very different sizes a month): docs/reports.md
    // gives the measured error; this guards it from getting much worse.
    expect(report.backtest.mape).toBeLessThan(35);
    expect(report.backtest.held95).toBeGreaterThanOrEqual(6);
    // The running month and the five after it, each forecast inside its own 80 % band.
    const future = report.rows.filter((row) => row.forecast !== null);
    expect(future.map((row) => row.month)).toEqual(["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"]);
    for (const row of future) {
      expect(Number(row.low80)).toBeLessThanOrEqual(Number(row.forecast));
      expect(Number(row.forecast)).toBeLessThanOrEqual(Number(row.high80));
    }
  });

  it("forecasts one manager from their own deals", async () => {
    const [manager] = await selectRows<{ id: string }>(testDb.db, sql`select id from users where org_id = ${orgId} and email like 'manager2@%'`);
    const report = await run(scopeOf({ orgId, role: "manager", userId: manager.id, departmentId: null }));
    console.info(`demo, manager2: MAPE ${report.backtest.mape} %, WAPE ${report.backtest.wape} %, 80 % held ${report.backtest.held80}/${report.backtest.rows.length}, 95 % held ${report.backtest.held95}/${report.backtest.rows.length}`);
    expect(report.history.months).toBeGreaterThanOrEqual(16);
    expect(Number(report.totals.next6)).toBeGreaterThan(0);
  });
});
