"use client";
// The Managers dashboard's island: the filter bar, a bar per person (revenue or activities) and the
// sortable table of each person's activities and deals with a totals row; a person with accounts in
// two CRMs is one row, their accounts listed under the name.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { use, useState } from "react";
import { ManagerBars } from "@/components/charts/manager-bars";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { ReportCard } from "@/components/dashboard/report-card";
import { reportQueryString } from "@/lib/reports/report-query";
import { FooterRow, type Column } from "@/components/ui/data-table";
import { SortedDataTable } from "@/components/ui/sorted-data-table";
import { useReport, type FirstRender, type InitialReport } from "@/components/dashboard/use-report";
import { dealsHref, wonBucket } from "@/components/deals/deal-links";
import type { Role } from "@/lib/auth/permissions";
import { formatMoney, formatNumber, type Locale, formatPlural, formatRate, periodDates, localeTag, formatMonthKey } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { ManagerActivityFigures } from "@/lib/reports/manager-activity";
import type { ManagerPlanRow } from "@/lib/plans/report-plans";
import type { JsonOf } from "@/lib/api/json-of";
import type { PlanProgress } from "@/lib/plans/progress";
import { fill } from "@/lib/i18n/fill";
import type { ReportResponse } from "@/lib/reports/run-report";

/** The JSON of GET /api/reports/manager-activity. */
export type ManagersReport = ReportResponse<"manager-activity">;

type ManagerRow = JsonOf<ManagerPlanRow>;
/** The plan month's plan, share done and projection, after the period's own figures. */
const planKeys = ["planRevenue", "revenueDone", "projectedRevenue"] as const;

type Props = { first: Promise<FirstRender<InitialReport<ManagersReport>>>; role: Role; locale: Locale; t: DashboardMessages };
type Metric = "wonAmount" | "activitiesTotal";
type FigureKey = keyof ManagerActivityFigures;

const figureKeys = [
  "calls",
  "emails",
  "meetings",
  "tasks",
  "activitiesTotal",
  "callMinutes",
  "dealsCreated",
  "dealsWon",
  "wonAmount",
  "winRate",
  "medianTouchesPerWonDeal",
  "medianDaysToClose",
] as const satisfies readonly FigureKey[];

export function ManagersClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const { data, error, isLoading } = useReport("manager-activity", query, initial, locale);
  const [metric, setMetric] = useState<Metric>("wonAmount");
  const isEmpty = data !== null && data.rows.length === 0;
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed, isEmpty, emptyText: t.managers.empty };
  const m = t.managers;
  const router = useRouter();
  // A manager's deals won in the period (rows without a manager have no id to filter by).
  const wonDeals = (managerId: string) => dealsHref("managers", query, { ...wonBucket, managerId });
  // The filter's names tell apart two unlinked CRM users of one name ("Имя · amoCRM").
  const optionNames = new Map(options.managers.map((option) => [option.id, option.name]));
  const nameOf = (row: ManagerRow) => (row.managerId === null ? m.noManager : (optionNames.get(row.managerId) ?? row.managerName ?? "—"));
  const show = (key: (typeof figureKeys)[number], figures: ManagerActivityFigures) => formatFigure(key, figures, data?.currency ?? "KZT", locale);
  // A person's accounts when there are two or more: "Portal 100 000 ₸ · Amo 50 000 ₸".
  const accountsOf = (row: ManagerRow) => (row.accounts.length > 1 ? row.accounts.map((account) => `${account.sourceName} ${show("wonAmount", account)}`).join(" · ") : null);

  const columns: Column<ManagerRow>[] = [
    { key: "manager", testId: "manager", label: m.manager, sortValue: nameOf, render: (row) => <ManagerName name={nameOf(row)} accounts={accountsOf(row)} isNone={row.managerId === null} /> },
    ...figureKeys.map(
      (key): Column<ManagerRow> => ({
        key,
        testId: key,
        label: m[key],
        isNumeric: true,
        sortValue: (row) => (key === "wonAmount" ? Number(row.wonAmount) : row[key]),
        render: (row) =>
          key === "dealsWon" && row.managerId !== null && row.dealsWon > 0 ? (
            <Link href={wonDeals(row.managerId)} prefetch={false} className="text-brand-700 underline decoration-dotted underline-offset-2 hover:decoration-solid" data-testid="manager-deals-link">
              {show(key, row)}
            </Link>
          ) : (
            show(key, row)
          ),
      }),
    ),
    ...planKeys.map(
      (key): Column<ManagerRow> => ({
        key,
        testId: key,
        label: t.plan[key],
        isNumeric: true,
        sortValue: (row) => (row.plan?.[key] === null || row.plan?.[key] === undefined ? -1 : Number(row.plan[key])),
        render: (row) => showPlan(key, row.plan),
      }),
    ),
  ];
  const showPlan = (key: (typeof planKeys)[number], plan: JsonOf<PlanProgress> | null) =>
    !plan ? "—" : key === "revenueDone" ? formatRate(plan.revenueDone, locale) : plan[key] === null ? "—" : formatMoney(plan[key], data?.currency ?? "KZT", locale);

  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} />
      <ReportCard
        title={
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {m.chart}
              {data && !isEmpty ? <span className="ml-2 font-normal text-slate-500" data-testid="managers-count">{formatPlural(data.rows.length, m.count, locale)}</span> : null}
            </span>
            <span className="inline-flex gap-1" role="group" aria-label={m.metric}>
              {(["wonAmount", "activitiesTotal"] as const).map((key) => (
                <button
                  key={key}
                  type="button"
                  aria-pressed={metric === key}
                  onClick={() => setMetric(key)}
                  className={`rounded-lg px-3 py-1 text-xs font-medium ${metric === key ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
                >
                  {m[key]}
                </button>
              ))}
            </span>
          </span>
        }
        testId="managers-chart"
        {...card}
      >
        {data ? (
          <ManagerBars
            name={`${m.chart}: ${m[metric]}`}
            data={[...data.rows]
              .map((row) => ({ key: row.managerId ?? "none", name: nameOf(row), value: metric === "wonAmount" ? Number(row.wonAmount) : row.activitiesTotal }))
              .sort((a, b) => b.value - a.value)}
            currency={metric === "wonAmount" ? data.currency : null}
            locale={locale}
            label={m[metric]}
            onSelect={(key) => key !== "none" && router.push(wonDeals(key))}
          />
        ) : null}
      </ReportCard>
      <ReportCard title={m.table} testId="managers-table-card" exportReport="manager-activity" {...card}>
        {data ? (
          <>
          <SortedDataTable
            label={m.table}
            columns={columns}
            rows={data.rows}
            rowKey={(row) => row.managerId ?? "none"}
            initialSort={{ sort: "wonAmount", order: "desc" }}
            testId="managers-table"
            rowProps={() => ({ "data-testid": "manager-row" })}
            sortLabel={m.sortBy}
            footer={
              <FooterRow
                testId="managers-totals"
                name={m.total}
                columns={columns}
                cells={Object.fromEntries([...figureKeys.map((key) => [key, show(key, data.totals)]), ...planKeys.map((key) => [key, showPlan(key, data.totals.plan)])])}
              />
            }
          />
          <p className="mt-2 text-xs text-slate-500" data-testid="plan-month-note">{fill(t.plan.columnsMonth, { month: formatMonthKey(data.planMonth, locale) })}</p>
          </>
        ) : null}
      </ReportCard>
    </div>
  );
}

/** "Имя · amoCRM": the name on one line, the CRM (or a person's accounts) below it in grey. */
function ManagerName({ name, accounts, isNone }: { name: string; accounts: string | null; isNone: boolean }) {
  const [person, ...source] = name.split(" · ");
  const detail = accounts ?? (source.length ? source.join(" · ") : null);
  return (
    <span className={`block min-w-36 ${isNone ? "italic text-slate-500" : ""}`}>
      {person}
      {detail ? (
        <span className="block text-xs text-slate-500" data-testid={accounts ? "manager-accounts" : undefined}>
          {detail}
        </span>
      ) : null}
    </span>
  );
}

function formatFigure(key: (typeof figureKeys)[number], figures: ManagerActivityFigures, currency: string, locale: Locale): string {
  if (key === "wonAmount") return formatMoney(figures.wonAmount, currency, locale);
  if (key === "winRate") return formatRate(figures.winRate, locale);
  if (key === "callMinutes") return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(figures.callMinutes);
  // medians of the won deals' patterns: none won in the period → "—"
  if (key === "medianTouchesPerWonDeal" || key === "medianDaysToClose") {
    const median = figures[key];
    return median === null ? "—" : new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(median);
  }
  return formatNumber(figures[key], locale);
}

