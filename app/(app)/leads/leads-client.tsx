"use client";
// The Leads dashboard's island: the filter bar (no pipeline: leads have none), the conversion KPIs,
// leads by source and utm_source, site forms (reached the CRM or lost), and conversion by month and by manager. Two reports, one set of
// filters: the first figures come from the server, a filter change refetches both reports' JSON.
import { use } from "react";
import { useSearchParams } from "next/navigation";
import { monthOfToday } from "@/components/charts/chart-format";
import { ConversionLine } from "@/components/charts/conversion-line";
import { IncompleteMonthNote } from "@/components/charts/incomplete-month-note";
import { SourcePie } from "@/components/charts/source-pie";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { ReportCard } from "@/components/dashboard/report-card";
import { reportQueryString } from "@/lib/reports/report-query";
import { useReport, type FirstRender, type InitialReport } from "@/components/dashboard/use-report";
import { FigureLink } from "@/components/leads/figure-link";
import { leadsHref, valueBucket, type LeadBucket } from "@/components/leads/lead-links";
import { StatCard } from "@/components/ui/stat-card";
import type { Role } from "@/lib/auth/permissions";
import { formatMonthKey, formatRate, periodDates, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { fillMonths, formatDays } from "./leads-format";
import { FormsCard } from "./forms-card";
import { ConversionTable, SourceTable } from "./leads-tables";
import type { ReportResponse } from "@/lib/reports/run-report";

export type LeadConversionReport = ReportResponse<"lead-conversion">;
export type LeadsBySourceReport = ReportResponse<"leads-by-source">;

type Props = {
  first: Promise<FirstRender<{ conversion: InitialReport<LeadConversionReport>; bySource: InitialReport<LeadsBySourceReport> }>>;
  role: Role;
  locale: Locale;
  t: DashboardMessages;
};

export function LeadsClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const conversion = useReport("lead-conversion", query, initial.conversion, locale);
  const bySource = useReport("leads-by-source", query, initial.bySource, locale);
  const l = t.leads;
  // Every lead figure opens its leads: the dashboard's filters plus the clicked bucket.
  const href = (bucket: LeadBucket) => leadsHref(query, bucket);
  const cardOf = ({ data, error, isLoading }: { data: { totals: { leads: number } } | null; error: string | null; isLoading: boolean }) => ({
    isLoading,
    loadingText: t.loading,
    error,
    errorTitle: t.failed,
    isEmpty: data !== null && data.totals.leads === 0,
    emptyText: l.empty,
  });
  const conversionCard = cardOf(conversion);
  const sourceCard = cardOf(bySource);
  const totals = conversion.data?.totals;
  const period = conversion.data ?? bySource.data;
  const months = conversion.data
    ? fillMonths(conversion.data.byMonth, (month) => ({ month, leads: 0, converted: 0, conversionRate: null, medianDaysToConvert: null }))
    : [];

  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={period ? periodDates(period.period, period.timezone) : null} showPipeline={false} />

      {totals ? (
        <div className={`grid grid-cols-1 gap-4 transition-opacity sm:grid-cols-2 xl:grid-cols-4 ${conversion.isLoading ? "opacity-60" : ""}`} aria-busy={conversion.isLoading} data-testid="leads-kpis">
          <StatCard testId="kpi-leads" label={l.leads} value={<FigureLink count={totals.leads} href={href({})} locale={locale} testId="kpi-leads-link" />} />
          <StatCard testId="kpi-converted" label={l.converted} value={<FigureLink count={totals.converted} href={href({ status: "converted" })} locale={locale} testId="kpi-converted-link" />} />
          <StatCard testId="kpi-conversion" label={l.conversion} value={formatRate(totals.conversionRate, locale)} />
          <StatCard testId="kpi-median-days" label={l.medianDays} value={formatDays(totals.medianDaysToConvert, locale, l.days)} />
        </div>
      ) : null}

      <ReportCard title={l.bySource} testId="leads-by-source" exportReport="leads-by-source" {...sourceCard}>
        {bySource.data ? (
          <div className="grid grid-cols-1 items-center gap-6 lg:grid-cols-5">
            <div className="lg:col-span-2">
              <SourcePie name={`${l.bySource}: ${l.leads}`} data={bySource.data.rows.map((row) => ({ name: row.sourceName ?? l.notSet, leads: row.leads }))} locale={locale} label={l.leads} />
            </div>
            <div className="lg:col-span-3">
              <SourceTable
                testId="source-table"
                label={l.source}
                rows={bySource.data.rows}
                totals={bySource.data.totals}
                bucketOf={(row) => valueBucket("channel", row.source)}
                href={href}
                locale={locale}
                t={l}
              />
            </div>
          </div>
        ) : null}
      </ReportCard>

      <ReportCard title={l.byUtmSource} testId="leads-by-utm-source" {...sourceCard}>
        {bySource.data ? (
          <SourceTable
            testId="utm-table"
            label={l.utmSource}
            rows={bySource.data.byUtmSource}
            totals={bySource.data.totals}
            bucketOf={(row) => valueBucket("utmSource", row.source)}
            href={href}
            locale={locale}
            t={l}
          />
        ) : null}
      </ReportCard>

      <ReportCard
        title={l.forms.title}
        testId="leads-forms"
        isLoading={bySource.isLoading}
        loadingText={t.loading}
        error={bySource.error}
        errorTitle={t.failed}
        isEmpty={bySource.data !== null && bySource.data.forms.totals.formLeads === 0}
        emptyText={l.forms.empty}
      >
        {bySource.data ? <FormsCard forms={bySource.data.forms} isAdmin={role === "admin"} timezone={bySource.data.timezone} href={href} locale={locale} t={l} /> : null}
      </ReportCard>

      <ReportCard title={l.byMonth} testId="leads-by-month" exportReport="lead-conversion" {...conversionCard}>
        {conversion.data ? (
          <div className="space-y-4">
            <div>
              <ConversionLine
                name={l.byMonth}
                data={months.map((row) => ({ month: row.month, leads: row.leads, rate: row.conversionRate }))}
                locale={locale}
                labels={{ leads: l.leads, rate: l.conversion }}
                incompleteMonth={monthOfToday(conversion.data.today)}
              />
              <IncompleteMonthNote months={months.map((row) => row.month)} today={conversion.data.today} locale={locale} text={t.charts.incompleteMonth} />
            </div>
            <ConversionTable
              testId="month-table"
              label={l.month}
              rows={months}
              rowKey={(row) => row.month}
              name={(row) => formatMonthKey(row.month, locale)}
              totals={conversion.data.totals}
              bucketOf={(row) => ({ month: row.month })}
              href={href}
              locale={locale}
              t={l}
            />
          </div>
        ) : null}
      </ReportCard>

      <ReportCard title={l.byManager} testId="leads-by-manager" {...conversionCard}>
        {conversion.data ? (
          <ConversionTable
            testId="manager-table"
            label={l.manager}
            rows={conversion.data.byManager}
            rowKey={(row) => row.managerId ?? ""}
            name={(row) => (row.managerId === null ? <span className="italic text-slate-500">{l.noManager}</span> : (row.managerName ?? "—"))}
            totals={conversion.data.totals}
            bucketOf={(row) => (row.managerId === null ? { notSet: "manager" } : { managerId: row.managerId })}
            href={href}
            locale={locale}
            t={l}
          />
        ) : null}
      </ReportCard>
    </div>
  );
}
