// Plan against fact on the Sales and Managers reports. The fact is the reports' own: won revenue and
// won deals of the plan month, counted by the same functions (wonByMonth, getManagerActivity) over
// that whole local month, in the viewer's scope, with the department and manager filters only — a
// plan has no pipeline or source, so those filters do not narrow its fact.
import type { ManagerActivityResult, ManagerPersonRow } from "@/lib/reports/manager-activity";
import { getManagerActivity } from "@/lib/reports/manager-activity";
import { resolvePeriod } from "@/lib/reports/filters";
import type { ReportContext, ReportDefinition } from "@/lib/reports/report";
import { wonByMonth, type SalesByMonthResult } from "@/lib/reports/sales-by-month";
import { localToday } from "@/lib/time/comparison";
import type { Period } from "@/lib/time/months";
import { daysInMonth, monthElapsed, planProgress, type PlanProgress } from "./progress";
import { inCurrency, scopePlan } from "./scope-plan";
import { plansByUser, readPlans } from "./store";

/** The month a report's plan is for: the month of the period's last day, never past the current month. */
export function planMonthOf(period: Period, timeZone: string, now: Date): string {
  const last = localToday(new Date(period.to.getTime() - 1), timeZone).slice(0, 7);
  const current = localToday(now, timeZone).slice(0, 7);
  return last < current ? last : current;
}

/** The report's context narrowed to one whole local month and to the filters a plan follows. */
export function monthContext(context: ReportContext, month: string): ReportContext {
  const period = resolvePeriod({ from: `${month}-01`, to: `${month}-${daysInMonth(month)}` }, context.org.timezone, context.now);
  const { managerId, departmentId } = context.filters;
  return { ...context, period, filters: { managerId, departmentId } };
}

/** The plan, fact and progress for the report's scope and plan month; null when no plan covers it. */
async function scopeProgress(context: ReportContext, month: string): Promise<PlanProgress | null> {
  const target = await scopePlan(context.db, context.scope, context.filters, month, context.org.baseCurrency);
  if (!target) return null;
  const narrowed = monthContext(context, month);
  const won = (await wonByMonth(narrowed, narrowed.period, 0)).get(null);
  return planProgress(target, { wonAmount: won?.wonAmount ?? "0.00", wonCount: won?.wonCount ?? 0 }, monthElapsed(month, localToday(context.now, context.org.timezone)));
}

export type SalesWithPlan = SalesByMonthResult & { planMonth: string; plan: PlanProgress | null };

export function withSalesPlan(report: ReportDefinition<SalesByMonthResult>): ReportDefinition<SalesWithPlan> {
  return {
    name: report.name,
    run: async (context) => {
      const planMonth = planMonthOf(context.period, context.org.timezone, context.now);
      const [result, plan] = await Promise.all([report.run(context), scopeProgress(context, planMonth)]);
      return { ...result, planMonth, plan };
    },
  };
}

export type ManagerPlanRow = ManagerPersonRow & { plan: PlanProgress | null };
export type ManagersWithPlan = Omit<ManagerActivityResult, "rows" | "totals"> & {
  rows: ManagerPlanRow[];
  totals: ManagerActivityResult["totals"] & { plan: PlanProgress | null };
  planMonth: string;
};

/**
 * Each person's plan for the plan month beside their row (null for a CRM account linked to no
 * Voronka user: plans are set per user), with that month's won revenue and deals as the
 * Managers report counts them; the totals row carries the scope's plan, as on the Sales card.
 */
export function withManagerPlans(report: ReportDefinition<ManagerActivityResult>): ReportDefinition<ManagersWithPlan> {
  return {
    name: report.name,
    run: async (context) => {
      const planMonth = planMonthOf(context.period, context.org.timezone, context.now);
      const narrowed = monthContext(context, planMonth);
      // A view of exactly the plan month, unfiltered by pipeline or source, already is its fact.
      const isPlanMonth = narrowed.period.from.getTime() === context.period.from.getTime() && narrowed.period.to.getTime() === context.period.to.getTime() && !context.filters.pipelineId && !context.filters.sourceId;
      const result = await report.run(context);
      const [monthResult, plans, totalPlan] = await Promise.all([
        isPlanMonth ? result : getManagerActivity(narrowed),
        readPlans(context.db, context.scope.orgId, planMonth),
        scopePlan(context.db, context.scope, context.filters, planMonth, context.org.baseCurrency),
      ]);
      const elapsed = monthElapsed(planMonth, localToday(context.now, context.org.timezone));
      const byUser = plansByUser(plans.map((plan) => inCurrency(plan, context.org.baseCurrency)));
      const monthOf = new Map(monthResult.rows.map((row) => [row.managerId, row]));
      const progressOf = (managerId: string | null): PlanProgress | null => {
        const plan = managerId ? byUser.get(managerId) : undefined;
        if (!plan) return null;
        const fact = monthOf.get(managerId);
        return planProgress(plan, { wonAmount: fact?.wonAmount ?? "0.00", wonCount: fact?.dealsWon ?? 0 }, elapsed);
      };
      const totals = monthResult.totals;
      return {
        ...result,
        planMonth,
        rows: result.rows.map((row) => ({ ...row, plan: progressOf(row.managerId) })),
        totals: { ...result.totals, plan: totalPlan ? planProgress(totalPlan, { wonAmount: totals.wonAmount, wonCount: totals.dealsWon }, elapsed) : null },
      };
    },
  };
}
