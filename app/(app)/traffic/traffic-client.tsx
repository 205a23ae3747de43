"use client";
// The Traffic dashboard's island: the filter bar (no pipeline: leads and spend have none), the KPIs of
// the teams together, the teams table with the Unattributed row, a monthly trend per team and the
// selected team's breakdown by utm_source / utm_campaign. The selected team lives in the URL (?team=).
import { use } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { ReportCard } from "@/components/dashboard/report-card";
import { reportQueryString } from "@/lib/reports/report-query";
import { TrafficBreakdown } from "@/components/dashboard/traffic/traffic-breakdown";
import { showMoney } from "@/components/dashboard/traffic/traffic-columns";
import { TrafficTeamsTable } from "@/components/dashboard/traffic/traffic-teams-table";
import { TrafficTrendCard } from "@/components/dashboard/traffic/traffic-trend-card";
import { useReport, type FirstRender, type InitialReport } from "@/components/dashboard/use-report";
import { StatCard } from "@/components/ui/stat-card";
import type { Role } from "@/lib/auth/permissions";
import { formatRate, periodDates, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { ReportResponse } from "@/lib/reports/run-report";

/** The JSON of GET /api/reports/traffic-teams. */
export type TrafficReport = ReportResponse<"traffic-teams">;

type Props = { first: Promise<FirstRender<InitialReport<TrafficReport>>>; role: Role; locale: Locale; t: DashboardMessages };

const UNATTRIBUTED = "unattributed";

export function TrafficClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const query = reportQueryString(searchParams);
  const { data, error, isLoading } = useReport("traffic-teams", query, initial, locale);
  const tt = t.traffic;
  const isEmpty = data !== null && data.totals.allLeads === 0 && data.totals.allWonDeals === 0 && Number(data.totals.spend) === 0;
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed, isEmpty, emptyText: tt.empty };
  const format = { currency: data?.currency ?? "KZT", locale, isAllocated: data?.spendBasis === "allocated" };

  // The team whose breakdown is shown: the one in the URL while it is in the table, else the first team.
  const asked = searchParams.get("team");
  const rowIds = data?.rows.map((row) => row.teamId) ?? [];
  const askedId = asked === UNATTRIBUTED ? null : asked;
  const selectedTeamId = asked !== null && rowIds.includes(askedId) ? askedId : (rowIds[0] ?? null);
  const selectTeam = (teamId: string | null) => {
    const next = new URLSearchParams(searchParams.toString());
    next.set("team", teamId ?? UNATTRIBUTED);
    window.history.replaceState(null, "", `${pathname}?${next.toString()}`);
  };

  const totals = data?.totals;
  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} showPipeline={false} />

      {totals && !isEmpty ? (
        <div className={`space-y-2 transition-opacity ${isLoading ? "opacity-60" : ""}`} aria-busy={isLoading}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="traffic-kpis">
            <StatCard testId="kpi-spend" label={format.isAllocated ? tt.allocatedSpend : tt.spend} value={showMoney(totals.spend, format.currency, locale)} />
            <StatCard testId="kpi-revenue" label={tt.revenue} value={showMoney(totals.revenue, format.currency, locale)} />
            <StatCard testId="kpi-romi" label={tt.romi} value={formatRate(totals.romi, locale)} />
            <StatCard testId="kpi-cpl" label={tt.cpl} value={showMoney(totals.cpl, format.currency, locale)} />
            <StatCard testId="kpi-cac" label={tt.cac} value={showMoney(totals.cac, format.currency, locale)} />
            <StatCard
              testId="kpi-unattributed"
              label={tt.unattributedShare}
              value={formatRate(totals.unattributedLeadShare, locale)}
              detail={tt.unattributedRevenue.replace("{share}", formatRate(totals.unattributedRevenueShare, locale))}
            />
          </div>
          {format.isAllocated ? (
            <p className="text-xs text-slate-500" data-testid="allocated-note">
              {tt.allocatedNote}
            </p>
          ) : null}
        </div>
      ) : null}

      <ReportCard title={tt.table} testId="traffic-teams" exportReport="traffic-teams" {...card}>
        {data ? <TrafficTeamsTable result={data} format={format} t={tt} selectedTeamId={selectedTeamId} onSelectTeam={selectTeam} query={query} /> : null}
      </ReportCard>

      <TrafficTrendCard data={data} card={card} format={format} t={tt} today={data?.today} incompleteMonthText={t.charts.incompleteMonth} />

      <ReportCard title={tt.breakdown} testId="traffic-breakdown" {...card}>
        {data ? <TrafficBreakdown result={data} teamId={selectedTeamId} onSelectTeam={selectTeam} format={format} t={tt} query={query} /> : null}
      </ReportCard>
    </div>
  );
}
