// Reads and writes the plans table. A batch is written whole or not at all, in one transaction with
// its audit row; a row with neither revenue nor won deals removes that plan.
import { and, eq, sql } from "drizzle-orm";
import { salesPlans } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import type { PlanTarget } from "./progress";

/** A checked row, ready to store: for exactly one of a person or a department. */
export type PlanRow = { month: string; userId: string | null; departmentId: string | null } & PlanTarget;
export type StoredPlan = PlanRow & { currency: string };
export type PlanWrite = { inserted: number; updated: number; deleted: number };

type Actor = Pick<Viewer, "orgId" | "userId">;

export async function readPlans(db: Db, orgId: string, month: string): Promise<StoredPlan[]> {
  return db
    .select({ month: salesPlans.month, userId: salesPlans.userId, departmentId: salesPlans.departmentId, revenue: salesPlans.revenue, wonDeals: salesPlans.wonDeals, currency: salesPlans.currency })
    .from(salesPlans)
    .where(and(eq(salesPlans.orgId, orgId), eq(salesPlans.month, month)));
}

export async function writePlans(db: Db, viewer: Actor, rows: readonly PlanRow[], currency: string, via: "form" | "csv" | "api" | "demo"): Promise<PlanWrite> {
  return db.transaction(async (tx) => {
    const result: PlanWrite = { inserted: 0, updated: 0, deleted: 0 };
    for (const row of rows) {
      const target = row.userId ? eq(salesPlans.userId, row.userId) : eq(salesPlans.departmentId, row.departmentId!);
      const where = and(eq(salesPlans.orgId, viewer.orgId), eq(salesPlans.month, row.month), target);
      if (row.revenue === null && row.wonDeals === null) {
        result.deleted += (await tx.delete(salesPlans).where(where).returning({ id: salesPlans.id })).length;
        continue;
      }
      const values = { revenue: row.revenue, wonDeals: row.wonDeals, currency, updatedAt: sql`now()` };
      const [written] = await tx
        .insert(salesPlans)
        .values({ orgId: viewer.orgId, month: row.month, userId: row.userId, departmentId: row.departmentId, ...values })
        .onConflictDoUpdate({
          target: row.userId ? [salesPlans.orgId, salesPlans.month, salesPlans.userId] : [salesPlans.orgId, salesPlans.month, salesPlans.departmentId],
          targetWhere: row.userId ? sql`${salesPlans.userId} is not null` : sql`${salesPlans.departmentId} is not null`,
          set: values,
        })
        // xmax is 0 only on a freshly inserted row version: it tells a new plan from a replaced one.
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      if (written.inserted) result.inserted++;
      else result.updated++;
    }
    const months = [...new Set(rows.map((row) => row.month))].sort();
    await writeAudit(tx, viewer, { action: "plans.upsert", targetType: "organisation", targetId: viewer.orgId, details: { via, months, rows: rows.length, ...result } });
    return result;
  });
}

/** Plans of these people (for the Managers report's rows), by user id. */
export function plansByUser(plans: readonly StoredPlan[]): Map<string, StoredPlan> {
  return new Map(plans.filter((plan) => plan.userId).map((plan) => [plan.userId!, plan]));
}

