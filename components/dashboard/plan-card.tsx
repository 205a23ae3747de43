// The Sales dashboard's plan card: the plan month's revenue and won-deals plan beside the fact, the
// share done and the run-rate projection to the month's end (lib/plans/progress.ts); without a plan,
// a line that says so, and for those who set plans a link to the plans page.
import Link from "next/link";
import type { JsonOf } from "@/lib/api/json-of";
import { fill } from "@/lib/i18n/fill";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
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
      <table className="w-full text-sm tabular-nums">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium" />
            <th className="py-1 pr-4 text-right font-medium">{t.plan}</th>
            <th className="py-1 pr-4 text-right font-medium">{t.fact}</th>
            <th className="py-1 pr-4 text-right font-medium">{t.done}</th>
            <th className="py-1 text-right font-medium">{t.projection}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} data-testid={`plan-${line.key}`}>
              <th className="py-1 pr-4 text-left font-medium">{line.label}</th>
              <td className="py-1 pr-4 text-right" data-testid="plan">{line.plan}</td>
              <td className="py-1 pr-4 text-right" data-testid="fact">{line.fact}</td>
              <td className="py-1 pr-4 text-right font-semibold" data-testid="done">{line.done}</td>
              <td className="py-1 text-right" data-testid="projection">{line.projection}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">{fill(t.days, { elapsed: plan.elapsedDays, days: plan.daysInMonth })}</p>
    </section>
  );
}
