// GET /api/plans?month=: the month's plans of every department and manager in the viewer's scope,
// each beside its fact and progress — what the plans page edits and what a script reads.
import type { Db } from "@/db/types";
import { assertCan } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { getManagerActivity } from "@/lib/reports/manager-activity";
import { wonByMonth } from "@/lib/reports/sales-by-month";
import { localToday } from "@/lib/time/comparison";
import { monthElapsed, planProgress, type PlanProgress, type PlanTarget } from "./progress";
import { monthContext } from "./report-plans";
import { departmentPlan, inCurrency } from "./scope-plan";
import { plansByUser, readPlans } from "./store";
import { targetsInScope } from "./targets";

/** `revenue` and `wonDeals`: the row's own stored plan (null where none); `progress` measures the plan in force. */
export type DepartmentPlanRow = { departmentId: string; name: string } & PlanTarget & { progress: PlanProgress };
export type ManagerPlanRow = { userId: string; name: string; email: string; departmentId: string | null } & PlanTarget & { progress: PlanProgress };
export type PlanTable = { month: string; currency: string; today: string; departments: DepartmentPlanRow[]; managers: ManagerPlanRow[] };

type Reader = Pick<Viewer, "orgId" | "userId" | "role" | "departmentId"> & { org: Pick<Viewer["org"], "baseCurrency" | "timezone"> };

export async function getPlanTable(db: Db, viewer: Reader, month: string, now = new Date()): Promise<PlanTable> {
  assertCan(viewer, "plans:read");
  const scope = scopeOf(viewer);
  const org = { baseCurrency: viewer.org.baseCurrency, timezone: viewer.org.timezone };
  const context = monthContext({ db, scope, org, filters: {}, period: { from: now, to: now }, now }, month);
  const today = localToday(now, org.timezone);
  const elapsed = monthElapsed(month, today);
  const [targets, plans, managerMonth] = await Promise.all([targetsInScope(db, scope), readPlans(db, viewer.orgId, month), getManagerActivity(context)]);
  const inForce = plans.map((plan) => inCurrency(plan, org.baseCurrency));
  const byUser = plansByUser(inForce);
  const factOf = new Map(managerMonth.rows.map((row) => [row.managerId, { wonAmount: row.wonAmount, wonCount: row.dealsWon }]));
  const noFact = { wonAmount: "0.00", wonCount: 0 };
  const managers = targets.managers.map((manager) => {
    const own = byUser.get(manager.userId);
    const target = { revenue: own?.revenue ?? null, wonDeals: own?.wonDeals ?? null };
    return { ...manager, ...target, progress: planProgress(target, factOf.get(manager.userId) ?? noFact, elapsed) };
  });
  const people = managers.map((manager) => ({ id: manager.userId, departmentId: manager.departmentId }));
  const departments = await Promise.all(
    targets.departments.map(async (department) => {
      // The department's fact is the Sales report's with the department filter.
      const won = (await wonByMonth({ ...context, filters: { departmentId: department.departmentId } }, context.period, 0)).get(null);
      const own = inForce.find((plan) => plan.departmentId === department.departmentId);
      const inEffect = departmentPlan(inForce, people, department.departmentId) ?? { revenue: null, wonDeals: null };
      const fact = { wonAmount: won?.wonAmount ?? "0.00", wonCount: won?.wonCount ?? 0 };
      return { ...department, revenue: own?.revenue ?? null, wonDeals: own?.wonDeals ?? null, progress: planProgress(inEffect, fact, elapsed) };
    }),
  );
  return { month, currency: org.baseCurrency, today, departments, managers };
}

