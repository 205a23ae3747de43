// Which plan a view of the reports is measured against. A person's plan is their own row. A
// department's is its own row, or — where it has none — the sum of its managers' plans. The whole
// organisation's is the sum of its departments' (by that rule) and of the plans of people in no
// department. Revenue and won deals are decided separately: a department may set only one of them.
import { and, eq } from "drizzle-orm";
import { crmUsers, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";
import { fromCents, toCents } from "@/lib/reports/deal-sql";
import type { ReportFilters } from "@/lib/reports/filters";
import type { PlanTarget } from "./progress";
import { readPlans, type StoredPlan } from "./store";

/** The plan the Sales card and the Managers totals compare with: null when none covers the view. */
export async function scopePlan(db: Db, scope: Scope, filters: Pick<ReportFilters, "managerId" | "departmentId">, month: string, baseCurrency: string): Promise<PlanTarget | null> {
  const plans = (await readPlans(db, scope.orgId, month)).map((plan) => inCurrency(plan, baseCurrency));
  if (filters.managerId) return personPlan(plans, await personOf(db, scope.orgId, filters.managerId));
  if (filters.departmentId) return departmentPlan(plans, await usersOf(db, scope.orgId), filters.departmentId);
  switch (scope.kind) {
    case "own":
      return personPlan(plans, scope.userId);
    case "department":
      return scope.departmentId ? departmentPlan(plans, await usersOf(db, scope.orgId), scope.departmentId) : null;
    case "org": {
      const people = await usersOf(db, scope.orgId);
      const departmentIds = new Set([...people.map((user) => user.departmentId), ...plans.map((plan) => plan.departmentId)].filter((id): id is string => id !== null));
      const withoutDepartment = new Set(people.filter((user) => user.departmentId === null).map((user) => user.id));
      const parts = [...[...departmentIds].map((id) => departmentPlan(plans, people, id)), ...plans.filter((plan) => plan.userId && withoutDepartment.has(plan.userId))];
      return sumTargets(parts);
    }
  }
}

/**
 * A plan kept in another currency than today's reporting currency (the organisation changed it) has
 * no revenue target to compare with: the won-deals target still holds.
 */
export function inCurrency(plan: StoredPlan, baseCurrency: string): StoredPlan {
  return plan.currency === baseCurrency ? plan : { ...plan, revenue: null };
}

function personPlan(plans: readonly StoredPlan[], userId: string | null): PlanTarget | null {
  const plan = userId ? plans.find((row) => row.userId === userId) : undefined;
  return plan ? { revenue: plan.revenue, wonDeals: plan.wonDeals } : null;
}

export function departmentPlan(plans: readonly StoredPlan[], people: readonly { id: string; departmentId: string | null }[], departmentId: string): PlanTarget | null {
  const own = plans.find((plan) => plan.departmentId === departmentId);
  const members = new Set(people.filter((user) => user.departmentId === departmentId).map((user) => user.id));
  const managers = sumTargets(plans.filter((plan) => plan.userId && members.has(plan.userId)));
  if (!own) return managers;
  return { revenue: own.revenue ?? managers?.revenue ?? null, wonDeals: own.wonDeals ?? managers?.wonDeals ?? null };
}

/** Field by field: the sum of the targets that are set, null when none is. */
function sumTargets(parts: readonly (PlanTarget | null)[]): PlanTarget | null {
  const set = parts.filter((part): part is PlanTarget => part !== null);
  const revenues = set.map((part) => part.revenue).filter((value): value is string => value !== null);
  const deals = set.map((part) => part.wonDeals).filter((value): value is number => value !== null);
  if (revenues.length === 0 && deals.length === 0) return null;
  return {
    revenue: revenues.length ? fromCents(revenues.reduce((sum, value) => sum + toCents(value), 0n)) : null,
    wonDeals: deals.length ? deals.reduce((sum, value) => sum + value, 0) : null,
  };
}

function usersOf(db: Db, orgId: string) {
  return db.select({ id: users.id, departmentId: users.departmentId }).from(users).where(eq(users.orgId, orgId));
}

/** The manager filter names a person (a user id) or one CRM account: the account's person, if linked. */
async function personOf(db: Db, orgId: string, managerId: string): Promise<string | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.id, managerId)));
  if (user) return user.id;
  const [account] = await db
    .select({ userId: crmUsers.userId })
    .from(crmUsers)
    .where(and(eq(crmUsers.orgId, orgId), eq(crmUsers.id, managerId)));
  return account?.userId ?? null;
}
