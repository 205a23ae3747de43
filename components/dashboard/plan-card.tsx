// The Sales dashboard's plan card: the plan month's revenue and won-deals plan beside the fact, the
// share done and the run-rate projection to the month's end (lib/plans/progress.ts); without a plan,
// a line that says so, and for those who set plans a link to the plans page.
import Link from "next/link";
import type { JsonOf } from "@/lib/api/json-of";
import { fill } from "@/lib/i18n/fill";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney, formatMonthKey, formatNumber, formatRate, localeTag, type Locale } from "@/lib/format";
import type { PlanProgress } from "@/lib/plans/progress";

type Props = { planMonth: string; plan: JsonOf<PlanProgress> | null; currency: string; canSetPlans: boolean; locale: Locale; t: DashboardMessages["plan"] };

export function PlanCard({ planMonth, plan, currency, canSetPlans, locale, t }: Props) {
  const month = formatMonthKey(planMonth, locale);
  if (!plan) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-3 text-sm text-slate-500" data-testid="plan-none">
        {fill(t.none, { month })}{" "}
        {canSetPlans ? (
          <Link href={`/plans?month=${planMonth}`} className="text-brand-700 underline">
            {t.setPlans}
          </Link>
        ) : null}
      </p>
    );
  }
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, currency, locale));
  const deals = (count: number | null) => (count === null ? "—" : new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(count));
  const lines = [
    { key: "revenue", label: t.revenue, plan: money(plan.planRevenue), fact: money(plan.factRevenue), done: formatRate(plan.revenueDone, locale), projection: money(plan.projectedRevenue) },
    { key: "won-deals", label: t.wonDeals, plan: deals(plan.planWonDeals), fact: formatNumber(plan.factWonDeals, locale), done: formatRate(plan.wonDealsDone, locale), projection: deals(plan.projectedWonDeals) },
  ];
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="plan-card">
      <h2 className="mb-3 text-sm font-semibold text-slate-700">{fill(t.title, { month })}</h2>
      <DataTable
        label={fill(t.title, { month })}
        className="tabular-nums"
        columns={[
          { key: "line", label: "", className: "font-medium", render: (line) => line.label },
          { key: "plan", label: t.plan, isNumeric: true, testId: "plan", render: (line) => line.plan },
          { key: "fact", label: t.fact, isNumeric: true, testId: "fact", render: (line) => line.fact },
          { key: "done", label: t.done, isNumeric: true, testId: "done", className: "font-semibold", render: (line) => line.done },
          { key: "projection", label: t.projection, isNumeric: true, testId: "projection", render: (line) => line.projection },
        ]}
        rows={lines}
        rowKey={(line) => line.key}
        rowProps={(line) => ({ "data-testid": `plan-${line.key}` })}
      />
      <p className="mt-2 text-xs text-slate-500">{fill(t.days, { elapsed: plan.elapsedDays, days: plan.daysInMonth })}</p>
    </section>
  );
}
