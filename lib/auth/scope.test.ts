import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals, leads, reportDealDaily, users } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { reportRows } from "@/lib/reports/filters";
import { scopeCondition, scopeOf, type Scope } from "./scope";

// The one scope rule, on a raw table (deals, leads) and on a daily rollup, for each kind of viewer.
// Sales: alice and bob (director's department); Online: carol; one deal and one lead without a manager.
let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  const won = (manager: "alice" | "bob" | "carol" | null, amount: string) =>
    f.addDeal({ manager, stage: "WON", amount, createdAt: "2025-01-02T10:00:00Z", closedAt: "2025-01-05T10:00:00Z" });
  await won("alice", "100");
  await won("bob", "20");
  await won("carol", "3");
  await won(null, "4000");
  await other.addDeal({ manager: "alice", stage: "WON", amount: "50000", createdAt: "2025-01-02T10:00:00Z", closedAt: "2025-01-05T10:00:00Z" });
  for (const manager of ["alice", "bob", "carol", null] as const) await f.addLead({ manager, createdAt: "2025-01-03T10:00:00Z" });
  await other.addLead({ manager: "alice", createdAt: "2025-01-03T10:00:00Z" });
});
afterAll(() => testDb.close());

const viewer = (user: { id: string; orgId: string; role: "admin" | "director" | "manager"; departmentId: string | null }) =>
  scopeOf({ userId: user.id, orgId: user.orgId, role: user.role, departmentId: user.departmentId });

async function visible(scope: Scope) {
  const { db } = testDb;
  const [deal] = await db.select({ total: sql<string>`coalesce(sum(${deals.amount}), 0)::int` }).from(deals).where(scopeCondition(scope, deals));
  const [lead] = await db.select({ count: sql<number>`count(*)::int` }).from(leads).where(scopeCondition(scope, leads));
  const closed = and(scopeCondition(scope, reportDealDaily), eq(reportDealDaily.kind, "closed"));
  const [rollup] = await db.select({ total: sql<string>`coalesce(sum(${reportDealDaily.amount}), 0)::int` }).from(reportDealDaily).where(closed);
  return { deals: Number(deal.total), leads: lead.count, rollup: Number(rollup.total) };
}

describe("scopeCondition", () => {
  it("shows an admin the whole organisation, rows without a manager included, and nothing of another", async () => {
    // 100 + 20 + 3 + 4 000 = 4 123; four leads; the rollup sums the same four deals.
    expect(await visible(viewer(f.users.admin))).toEqual({ deals: 4123, leads: 4, rollup: 4123 });
  });

  it("shows a director the managers of their department only", async () => {
    // alice 100 + bob 20 = 120; their two leads.
    expect(await visible(viewer(f.users.director))).toEqual({ deals: 120, leads: 2, rollup: 120 });
  });

  it("shows a manager their own rows only", async () => {
    expect(await visible(viewer(f.users.alice))).toEqual({ deals: 100, leads: 1, rollup: 100 });
    expect(await visible(viewer(f.users.carol))).toEqual({ deals: 3, leads: 1, rollup: 3 });
  });

  it("shows a director without a department nothing", async () => {
    const scope: Scope = { kind: "department", orgId: f.org.id, departmentId: null };
    expect(await visible(scope)).toEqual({ deals: 0, leads: 0, rollup: 0 });
  });

  it("shows a manager not linked to a CRM user nothing", async () => {
    const [unlinked] = await testDb.db
      .insert(users)
      .values({ orgId: f.org.id, email: `dave-${f.org.id}@test.voronka`, name: "dave", role: "manager", departmentId: f.departments.sales.id, passwordHash: "x" })
      .returning();
    expect(await visible(viewer(unlinked))).toEqual({ deals: 0, leads: 0, rollup: 0 });
  });

  it("never widens past the scope when a report filter points elsewhere", async () => {
    // A director filtering on the Online department sees the intersection: nothing.
    const director = viewer(f.users.director);
    const [row] = await testDb.db
      .select({ count: sql<number>`count(*)::int` })
      .from(deals)
      .where(reportRows({ scope: director, filters: { departmentId: f.departments.online.id } }, deals));
    expect(row.count).toBe(0);
  });
});
