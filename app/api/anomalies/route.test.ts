// GET /api/anomalies on a small organisation whose numbers can be checked by hand: alice (Sales) and
// carol (Online) each make 10 calls every weekday from 21 September 2026, and none on Tuesday 1 and
// Wednesday 2 December. Detection then stores one drop per manager, Telegram hears about each once,
// and each viewer reads only the series of their scope; bad dates are refused naming the field.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, anomalies } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { detectOrgAnomalies } from "@/lib/anomalies/run";
import { notifyAnomalies } from "@/lib/anomalies/notify";
import { detectIfStale } from "@/lib/anomalies/background";
import { addDays, daysBetween } from "@/lib/anomalies/series";
import { createApiToken } from "@/lib/auth/tokens";
import { BOT_TOKEN, CHATS, createSalesOrg } from "@/lib/notifications/test/sales-org";
import { startMockTelegram, type MockTelegram } from "@/lib/notifications/test/mock-telegram";
import { rebuildReportFacts } from "@/lib/reports/facts/refresh";
import { GET } from "./route";

const NOW = new Date("2026-12-07T06:00:00Z"); // Monday 11:00 in Almaty: the last judged day is Sunday 6 December
const SILENT = ["2026-12-01", "2026-12-02"];
let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let telegram: MockTelegram;
const token: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  telegram = await startMockTelegram({ token: BOT_TOKEN, chats: Object.values(CHATS) });
  ({ f: a } = await createSalesOrg(testDb.db));
  b = await createOrgFixture(testDb.db);
  const rows = [];
  for (const day of daysBetween("2026-09-21", "2026-12-06")) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || SILENT.includes(day)) continue;
    for (const manager of ["alice", "carol"] as const) {
      for (let n = 0; n < 10; n++) {
        const startAt = new Date(`${day}T05:00:00Z`); // 10:00 in Almaty
        startAt.setUTCMinutes(n * 20);
        rows.push({ orgId: a.org.id, sourceId: a.source.id, externalId: `A-${randomUUID()}`, type: "call" as const, isCompleted: true, crmUserId: a.crmUsers[manager].id, startAt, durationSeconds: 60 });
      }
    }
  }
  await testDb.db.insert(activities).values(rows);
  await rebuildReportFacts(testDb.db, a.org.id);
  const users = { admin: a.users.admin, director: a.users.director, alice: a.users.alice, bob: a.users.bob, otherAdmin: b.users.admin };
  for (const [who, user] of Object.entries(users)) token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
}, 120_000);
afterAll(async () => {
  await telegram.close();
  await testDb.close();
});

const read = (who: string, query = "") => callRoute(GET, `/api/anomalies${query}`, { as: { token: token[who] } });

describe("anomaly detection on a planted drop", () => {
  it("stores each manager's two silent days as one drop, with the arithmetic of the band", async () => {
    const result = await detectOrgAnomalies(testDb.db, a.org.id, { now: NOW });
    expect(result.lastDay).toBe("2026-12-06");
    const rows = await testDb.db.select().from(anomalies).where(eq(anomalies.orgId, a.org.id));
    // The calls and the activities (all of them calls) of alice and of carol: four series, one drop each.
    expect(rows.map((row) => `${row.type} ${row.crmUserId === a.crmUsers.alice.id ? "alice" : "carol"}`).sort()).toEqual(["activities alice", "activities carol", "calls alice", "calls carol"]);
    // Each weekday's 8 earlier same weekdays were all 10: median 10, MAD 0, so the spread is the
    // Poisson floor √10 ≈ 3.162. A silent day is (0 − 10) ÷ 3.162 = −3.16 spreads; the two days
    // together: expected 10 + 10 = 20, actual 0, distance 20 ÷ √(10 + 10) = 4.47 spreads → "low" (under 5).
    for (const row of rows) {
      expect(row).toMatchObject({ fromDay: "2026-12-01", toDay: "2026-12-02", days: 2, expected: 20, actual: 0, direction: "drop", severity: "low", score: 4.5, audience: "org" });
    }
  });

  it("stores a run seen again on the next pass once", async () => {
    const again = await detectOrgAnomalies(testDb.db, a.org.id, { now: new Date(NOW.getTime() + 2 * 3_600_000) });
    expect(again).toMatchObject({ inserted: 0, updated: 4 });
    expect(await testDb.db.select().from(anomalies).where(eq(anomalies.orgId, a.org.id))).toHaveLength(4);
  });

  it("sends each anomaly to Telegram once, naming the manager and the days", async () => {
    const options = { telegram: { baseUrl: telegram.baseUrl } };
    expect(await notifyAnomalies(testDb.db, a.org.id, options)).toEqual({ sent: 4, skipped: 0, dead: 0, failed: 0 });
    expect(await notifyAnomalies(testDb.db, a.org.id, options)).toEqual({ sent: 0, skipped: 0, dead: 0, failed: 0 });
    const delivered = telegram.delivered();
    expect(delivered).toHaveLength(4);
    expect(delivered.every((message) => message.chatId === CHATS.fallback)).toBe(true);
    expect(delivered.map((message) => message.text)).toContain("⚠️ Звонки менеджера «alice»: ниже обычного\n01.12.2026 – 02.12.2026: 0 вместо обычных ~20\nВажность: низкая");
  });

  it("runs a background pass at most once an hour per organisation", async () => {
    // The last pass above was at NOW + 2 h. Nothing is pending any more, so the pass sends nothing.
    expect(await detectIfStale(testDb.db, a.org.id, new Date(NOW.getTime() + 2 * 3_600_000 + 59 * 60_000))).toBe(false);
    expect(await detectIfStale(testDb.db, a.org.id, new Date(NOW.getTime() + 3 * 3_600_000), { force: false })).toBe(true);
    expect(await testDb.db.select().from(anomalies).where(eq(anomalies.orgId, a.org.id))).toHaveLength(4);
  });
});

describe("GET /api/anomalies", () => {
  const seriesOf = (body: { rows: { type: string; series: { label: string } }[] }) => body.rows.map((row) => `${row.type} ${row.series.label}`).sort();

  it("gives an admin every series, with type, days, expected, actual and severity", async () => {
    const answer = await read("admin", "?from=2026-11-23&to=2026-12-06");
    expect(answer.status).toBe(200);
    expect(answer.body.from).toBe("2026-11-23");
    expect(seriesOf(answer.body)).toEqual(["activities alice", "activities carol", "calls alice", "calls carol"]);
    expect(answer.body.rows[0]).toMatchObject({ from: "2026-12-01", to: "2026-12-02", days: 2, expected: 20, actual: 0, direction: "drop", severity: "low" });
  });

  it("gives a director their department's managers, a manager their own, and nothing of another organisation", async () => {
    expect(seriesOf((await read("director", "?from=2026-11-23&to=2026-12-06")).body)).toEqual(["activities alice", "calls alice"]);
    expect(seriesOf((await read("alice", "?from=2026-11-23&to=2026-12-06")).body)).toEqual(["activities alice", "calls alice"]);
    expect((await read("bob", "?from=2026-11-23&to=2026-12-06")).body.rows).toEqual([]);
    expect((await read("otherAdmin", "?from=2026-11-23&to=2026-12-06")).body.rows).toEqual([]);
  });

  it("lists only anomalies whose days touch the period", async () => {
    expect((await read("admin", "?from=2026-12-03&to=2026-12-06")).body.rows).toEqual([]);
    expect((await read("admin", "?from=2026-12-02&to=2026-12-02")).body.rows).toHaveLength(4);
  });

  it("refuses bad dates with a 400 naming the field", async () => {
    for (const [query, field] of [
      ["?from=2026-13-01", "from"],
      ["?to=yesterday", "to"],
      ["?from=2026-12-06&to=2026-12-01", "to"],
      [`?from=2025-01-01&to=${addDays("2025-01-01", 400)}`, "to"],
      // both wrong at once (the route fuzz found a 500 here: the range checks ran on non-dates)
      ["?from=not-a-date&to=%7B%7D", "from"],
    ]) {
      const answer = await read("admin", query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "validation_error", field });
    }
  });

  it("refuses a caller without a token", async () => {
    expect((await callRoute(GET, "/api/anomalies", {})).status).toBe(401);
  });
});
