// The plans API: who may set whose plan, what a bad row answers, and a CSV file applied whole or not at all.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, salesPlans } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as importCsv } from "./import/route";
import { GET, PUT } from "./route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};
type Who = "admin" | "director" | "alice" | "adminB";

const put = (rows: unknown, who: Who = "admin") => callRoute(PUT, "/api/plans", { as: { token: token[who] }, method: "PUT", body: { rows } });
const get = (query: string, who: Who = "admin") => callRoute(GET, `/api/plans${query}`, { as: { token: token[who] } });
const postCsv = (csv: string, who: Who = "admin") => callRoute(importCsv, "/api/plans/import", { as: { token: token[who] }, method: "POST", body: csv });
/** The organisation's stored plans as "month who revenue/deals", sorted. */
async function stored(f: OrgFixture): Promise<string[]> {
  const names = new Map<string, string>([...Object.values(f.users).map((user) => [user.id, user.name] as const), ...Object.values(f.departments).map((d) => [d.id, d.name] as const)]);
  const rows = await testDb.db.select().from(salesPlans).where(eq(salesPlans.orgId, f.org.id));
  return rows.map((row) => `${row.month} ${names.get(row.userId ?? row.departmentId!)} ${row.revenue ?? "—"}/${row.wonDeals ?? "—"} ${row.currency}`).sort();
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db); // KZT
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("PUT /api/plans", () => {
  it("the admin sets any department's and person's plan; a second PUT replaces it, and both figures null removes it", async () => {
    const first = await put([
      { month: "2026-12", departmentId: a.departments.online.id, revenue: "2 000 000,50", wonDeals: 10 },
      { month: "2026-12", userId: a.users.carol.id, revenue: 700000, wonDeals: null },
      { month: "2026-12", userId: a.users.director.id, revenue: "100000" }, // an admin may plan for a director who sells
    ]);
    expect(first).toEqual({ status: 200, body: { inserted: 3, updated: 0, deleted: 0 } });
    const second = await put([
      { month: "2026-12", userId: a.users.carol.id, revenue: "800000.00", wonDeals: 4 },
      { month: "2026-12", userId: a.users.director.id, revenue: null, wonDeals: null },
    ]);
    expect(second).toEqual({ status: 200, body: { inserted: 0, updated: 1, deleted: 1 } });
    expect(await stored(a)).toEqual(["2026-12 Online 2000000.50/10 KZT", "2026-12 carol 800000.00/4 KZT"]);
    const audits = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "plans.upsert")));
    expect(audits.map((row) => row.details)).toEqual([
      { via: "api", months: ["2026-12"], rows: 3, inserted: 3, updated: 0, deleted: 0 },
      { via: "api", months: ["2026-12"], rows: 2, inserted: 0, updated: 1, deleted: 1 },
    ]);
  });

  it("a director sets their department's and its managers' plans, and gets 403 for another department or its people, 404 for no one", async () => {
    expect((await put([{ month: "2026-11", departmentId: a.departments.sales.id, revenue: "3000000", wonDeals: 12 }, { month: "2026-11", userId: a.users.alice.id, revenue: "1000000", wonDeals: 5 }], "director")).status).toBe(200);
    const online = await put([{ month: "2026-11", userId: a.users.alice.id, revenue: "1" }, { month: "2026-11", departmentId: a.departments.online.id, revenue: "1" }], "director");
    expect(online).toMatchObject({ status: 403, body: { error: { code: "plan_out_of_scope", field: "rows.1.departmentId" } } });
    expect((await put([{ month: "2026-11", userId: a.users.carol.id, revenue: "1" }], "director")).body.error).toMatchObject({ code: "plan_out_of_scope", field: "rows.0.userId" });
    // another organisation's person is no one here: 404, for the admin too
    expect(await put([{ month: "2026-11", userId: b.users.alice.id, revenue: "1" }], "director")).toMatchObject({ status: 404, body: { error: { code: "plan_target_not_found", field: "rows.0.userId" } } });
    expect((await put([{ month: "2026-11", departmentId: b.departments.sales.id, revenue: "1" }])).status).toBe(404);
    // nothing of the refused batches was stored
    expect((await stored(a)).filter((row) => row.startsWith("2026-11"))).toEqual(["2026-11 Sales 3000000.00/12 KZT", "2026-11 alice 1000000.00/5 KZT"]);
  });

  it("a manager may not set plans, not even their own", async () => {
    expect(await put([{ month: "2026-10", userId: a.users.alice.id, revenue: "1" }], "alice")).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await stored(a)).some((row) => row.startsWith("2026-10"))).toBe(false);
  });

  it.each([
    [{ month: "2026-13", userId: "x" }, "plan_month_invalid", "rows.0.month"],
    [{ month: "2026-12", userId: "%U", revenue: "-5" }, "plan_revenue_invalid", "rows.0.revenue"],
    [{ month: "2026-12", userId: "%U", revenue: "1.005" }, "plan_revenue_invalid", "rows.0.revenue"],
    [{ month: "2026-12", userId: "%U", revenue: 1.5e30 }, "plan_revenue_invalid", "rows.0.revenue"],
    [{ month: "2026-12", userId: "%U", wonDeals: 2.5 }, "plan_won_deals_invalid", "rows.0.wonDeals"],
    [{ month: "2026-12", userId: "%U", wonDeals: "3" }, "plan_won_deals_invalid", "rows.0.wonDeals"],
    [{ month: "2026-12", revenue: "1" }, "plan_target_required", "rows.0.userId"],
    [{ month: "2026-12", userId: "%U", departmentId: "%D", revenue: "1" }, "plan_target_required", "rows.0.userId"],
  ])("refuses %j with 400 %s on %s and stores nothing", async (row, code, field) => {
    const before = await stored(a);
    const filled = JSON.parse(JSON.stringify(row).replace("%U", a.users.carol.id).replace("%D", a.departments.online.id));
    const answer = await put([filled]);
    expect(answer).toMatchObject({ status: 400, body: { error: { code, field } } });
    expect(await stored(a)).toEqual(before);
  });

  it("refuses the same month and person twice in one batch", async () => {
    const answer = await put([{ month: "2026-09", userId: a.users.bob.id, revenue: "1" }, { month: "2026-09", userId: a.users.bob.id, revenue: "2" }]);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "plan_duplicate_row", field: "rows.1", params: { line: 0 } } } });
  });
});

describe("GET /api/plans", () => {
  it("a manager reads their own plan only, a director their department's, another organisation's admin none of these", async () => {
    const alice = await get("?month=2026-11", "alice");
    expect(alice.status).toBe(200);
    expect(alice.body.departments).toEqual([]);
    expect(alice.body.managers.map((row: { name: string; revenue: string }) => [row.name, row.revenue])).toEqual([["alice", "1000000.00"]]);
    const director = await get("?month=2026-11", "director");
    expect(director.body.departments.map((row: { name: string; revenue: string }) => [row.name, row.revenue])).toEqual([["Sales", "3000000.00"]]);
    expect(director.body.managers.map((row: { name: string }) => row.name)).toEqual(["alice", "bob"]);
    const otherOrg = await get("?month=2026-11", "adminB");
    expect([otherOrg.body.departments.map((row: { revenue: string | null }) => row.revenue), otherOrg.body.managers.map((row: { revenue: string | null }) => row.revenue)]).toEqual([[null, null], [null, null, null]]);
  });

  it("wants a month", async () => {
    expect(await get("?month=December")).toMatchObject({ status: 400, body: { error: { code: "plan_month_invalid", field: "month" } } });
    expect((await get("")).body.error.code).toBe("plan_month_invalid");
  });
});

describe("POST /api/plans/import (CSV)", () => {
  const header = "месяц;e-mail;отдел;выручка;сделки";
  it("imports a Russian file with a decimal comma: e-mails, a department, a month as 08.2026", async () => {
    const file = [header, `2026-08;${a.users.alice.email.toUpperCase()};;1 500 000,50;7`, "08.2026;;online;400000;", `2026-08;${a.users.bob.email};;;3`].join("\r\n");
    expect(await postCsv(file)).toEqual({ status: 200, body: { inserted: 3, updated: 0, deleted: 0 } });
    expect((await stored(a)).filter((row) => row.startsWith("2026-08"))).toEqual(["2026-08 Online 400000.00/— KZT", "2026-08 alice 1500000.50/7 KZT", "2026-08 bob —/3 KZT"]);
    const [audit] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "plans.upsert"))).orderBy(auditLog.createdAt).limit(1).offset(3);
    expect(audit.details).toMatchObject({ via: "csv", months: ["2026-08"], inserted: 3 });
  });

  it("a file with bad lines changes nothing and names them: line 3 (no such person), line 4 (bad amount and deals), line 5 (repeats line 2)", async () => {
    const before = await stored(a);
    const file = [header, `2026-07;${a.users.alice.email};;100;1`, "2026-07;nobody@test.voronka;;100;1", `2026-07;${a.users.bob.email};;12.345;два`, `2026-07;${a.users.alice.email};;200;2`].join("\n");
    const answer = await postCsv(file);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "plan_rows_invalid", params: { count: 3, lines: "3, 4, 5" } } } });
    expect(answer.body.error.message).toContain('line 3: no person "nobody@test.voronka" whose plan you may set');
    expect(answer.body.error.message).toContain('line 4: revenue: "12.345" is not an amount');
    expect(answer.body.error.message).toContain("line 5: repeats line 2");
    expect(await stored(a)).toEqual(before);
  });

  it("a director's file may name only their department and its managers", async () => {
    const answer = await postCsv([header, `2026-07;${a.users.carol.email};;100;1`, "2026-07;;Sales;100;1"].join("\n"), "director");
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "plan_rows_invalid", params: { count: 1, lines: "2" } } } });
    expect((await postCsv([header, "2026-07;;Online;100;1"].join("\n"), "alice")).status).toBe(403);
  });

  it("refuses a file without a month column", async () => {
    expect(await postCsv("email;revenue\nx@y.z;1")).toMatchObject({ status: 400, body: { error: { code: "plan_csv_missing_columns", params: { columns: "month" } } } });
  });
});
