import { Alert } from "@/components/ui/alert";
import { StatCard } from "@/components/ui/stat-card";
import type { Role } from "@/lib/auth/permissions";
import { formatMoney, formatNumber, percentChange, type Locale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import type { OverviewSummary } from "@/lib/reports/overview";

function Change({ current, previous, label }: { current: number; previous: number; label: string }) {
  const change = percentChange(current, previous);
  if (change === null) return null;
  const tone = change >= 0 ? "text-emerald-600" : "text-red-600";
  return (
    <span className={tone}>
      {change >= 0 ? "▲" : "▼"} {Math.abs(change).toFixed(1)}% {label}
    </span>
  );
}

export function OverviewCards({ summary, locale, t, role }: { summary: OverviewSummary; locale: Locale; t: Messages["overview"]; role: Role }) {
  const { thisMonth, lastMonth, openDeals, currency } = summary;
  const money = (value: string) => formatMoney(value, currency, locale);
  const isEmpty = thisMonth.wonDeals + lastMonth.wonDeals + openDeals.count + thisMonth.newLeads + lastMonth.newLeads === 0;
  return (
    <div className="space-y-4">
      {isEmpty ? <Alert>{role === "admin" ? t.noData : t.noScope}</Alert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <StatCard
          testId="revenue-this-month"
          label={t.revenueThisMonth}
          value={money(thisMonth.revenue)}
          detail={<Change current={Number(thisMonth.revenue)} previous={Number(lastMonth.revenue)} label={t.vsLastMonth} />}
        />
        <StatCard testId="revenue-last-month" label={t.revenueLastMonth} value={money(lastMonth.revenue)} />
        <StatCard
          testId="won-this-month"
          label={t.wonThisMonth}
          value={formatNumber(thisMonth.wonDeals, locale)}
          detail={<Change current={thisMonth.wonDeals} previous={lastMonth.wonDeals} label={t.vsLastMonth} />}
        />
        <StatCard testId="won-last-month" label={t.wonLastMonth} value={formatNumber(lastMonth.wonDeals, locale)} />
        <StatCard
          testId="open-deals"
          label={t.openDeals}
          value={formatNumber(openDeals.count, locale)}
          detail={`${t.openDealsAmount} ${money(openDeals.amount)}`}
        />
        <StatCard
          testId="new-leads"
          label={t.newLeads}
          value={formatNumber(thisMonth.newLeads, locale)}
          detail={`${formatNumber(lastMonth.newLeads, locale)} ${t.lastMonthWas}`}
        />
      </div>
    </div>
  );
}
