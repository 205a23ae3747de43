"use client";
// The report builder's island: measures, up to two dimensions, a period and a chart, all kept in the
// address (builder-url.ts) so the report can be shared; POST /api/reports/custom answers it. Loading,
// empty and refused states; the chart, the pivot (two dimensions) and the flat table; saving and exporting it.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { retryUnlessRefused } from "@/components/dashboard/use-report";
import { ExportMenu } from "@/components/export/export-menu";
import { SaveViewButton } from "@/components/saved-views/save-view-button";
import { Card } from "@/components/ui/card";
import type { Role } from "@/lib/auth/permissions";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { BuilderMessages } from "@/lib/i18n/builder-messages";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { FilterOptions } from "@/lib/reports/filter-options";
import { errorInfoOf, errorText } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import { addressOf } from "@/lib/reports/builder/address";
import { MEASURE_KIND, type Dimension, type Measure } from "@/lib/reports/builder/catalogue";
import { compactMoney } from "@/components/charts/chart-format";
import { BuilderChart, type ChartPoint } from "./builder-chart";
import { BuilderControls } from "./builder-controls";
import { BuilderFilters } from "./builder-filters";
import { formatKey, formatValue } from "./builder-format";
import { paramsOf, requestOf, stateFromParams, type BuilderState } from "./builder-url";
import { FlatTable, PivotTable, type BuiltRow } from "./built-tables";

type Answer = { currency: string; measures: Measure[]; dimensions: Dimension[]; rows: BuiltRow[]; totals: BuiltRow["values"]; rowCount: number; truncated: boolean };

/** `options`: the dashboards' filter choices for this viewer (getFilterOptions); `filterLabels` name them. */
type Props = { locale: Locale; t: BuilderMessages; role: Role; options: FilterOptions; filterLabels: DashboardMessages["filters"] };

export function BuilderClient({ locale, t, role, options, filterLabels }: Props) {
  const pathname = usePathname();
  const params = useSearchParams();
  const [state, setLocalState] = useState(() => stateFromParams(new URLSearchParams(params.toString())));
  // The address follows every change without a server round trip (Next keeps useSearchParams in step with history.replaceState).
  const setState = (next: BuilderState) => {
    setLocalState(next);
    window.history.replaceState(null, "", `${pathname}?${paramsOf(next)}`);
  };
  const body = requestOf(state);
  const report = useQuery({
    queryKey: ["custom-report", body],
    queryFn: () => callApi<Answer>("/api/reports/custom", { body }),
    enabled: state.measures.length > 0,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const failure = report.error ? refusalText(report.error, locale, t, filterLabels) : null;
  const data = failure ? null : report.data;
  return (
    <div className="space-y-4">
      <Card>
        <BuilderControls state={state} onChange={setState} t={t} />
        <BuilderFilters state={state} onChange={setState} options={options} role={role} t={filterLabels} />
        {state.measures.length > 0 ? (
          <div className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-100 pt-4">
            <div className="min-w-0 flex-1">
              <SaveViewButton role={role} locale={locale} departments={options.departments} report={body} />
            </div>
            <ExportMenu kind="report" name="custom" params={Object.fromEntries(new URLSearchParams(addressOf(body)))} />
          </div>
        ) : null}
      </Card>
      <div aria-live="polite" className="min-h-6 text-sm">
        {state.measures.length === 0 ? <p className="text-slate-500">{t.chooseMeasure}</p> : null}
        {failure ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-700" data-testid="builder-error">
            {failure}
          </p>
        ) : null}
        {report.isFetching ? <p className="text-slate-500" data-testid="builder-loading">{t.loading}</p> : null}
      </div>
      {data && state.measures.length ? <BuiltReport answer={data} state={state} locale={locale} t={t} /> : null}
    </div>
  );
}

/** A refusal in the viewer's language, the measure, dimension or filter it names by their page names (a filter out of scope: 403 in words). */
function refusalText(error: unknown, locale: Locale, t: BuilderMessages, f: DashboardMessages["filters"]): string {
  const info = errorInfoOf(error);
  const params = info.params as { measure?: Measure; dimension?: Dimension } | undefined;
  const named = params?.measure && params.dimension ? { ...info, params: { ...info.params, measure: t.measures[params.measure] ?? params.measure, dimension: t.dimensions[params.dimension] ?? params.dimension } } : info;
  return errorText(locale, named, { measures: t.measuresLabel, dimensions: t.dimensionsLabel, "period.from": t.from, "period.to": t.to, "period.preset": t.periodLabel, "filters.pipelineId": f.pipeline, "filters.departmentId": f.department, "filters.managerId": f.manager, "filters.sourceId": f.source });
}

function BuiltReport({ answer, state, locale, t }: { answer: Answer; state: BuilderState; locale: Locale; t: BuilderMessages }) {
  const { dimensions, measures, rows, currency } = answer;
  const measure = state.pivotMeasure && measures.includes(state.pivotMeasure) ? state.pivotMeasure : measures[0];
  const isEmpty = dimensions.length > 0 && rows.length === 0;
  if (isEmpty) return <p className="rounded-lg bg-slate-50 px-3 py-6 text-center text-sm text-slate-500" data-testid="builder-empty">{t.empty}</p>;
  const format = (value: number) => (MEASURE_KIND[measure] === "money" ? formatValue(measure, value, currency, locale).replace(/[.,]00(?=\D*$)/, "") : formatValue(measure, value, currency, locale));
  // Along the first dimension; one series per value of the second (or the measure alone).
  const seriesKeys = dimensions.length === 2 ? rows.map((row) => row.keys[1]).filter((key, i, all) => all.indexOf(key) === i) : [null];
  const series = seriesKeys.map((key, i) => ({
    key: `s${i}`,
    name: dimensions.length === 2 ? formatKey(dimensions[1], rows.find((row) => row.keys[1] === key)!.labels[1], locale, t) : t.measures[measure],
  }));
  const points = rows
    .map((row) => row.keys[0])
    .filter((key, i, all) => all.indexOf(key) === i)
    .map((key) => {
      const point: ChartPoint = { name: formatKey(dimensions[0], rows.find((row) => row.keys[0] === key)!.labels[0], locale, t) };
      seriesKeys.forEach((second, i) => {
        const value = rows.find((row) => row.keys[0] === key && (dimensions.length < 2 || row.keys[1] === second))?.values[measure];
        point[`s${i}`] = value === null || value === undefined ? 0 : Number(value);
      });
      return point;
    });
  return (
    <div className="space-y-4">
      {state.chart !== "table" && dimensions.length > 0 ? (
        <Card title={t.measures[measure]}>
          <BuilderChart name={t.measures[measure]} type={state.chart} points={points} series={series} format={format} axisFormat={MEASURE_KIND[measure] === "money" ? (value) => compactMoney(value, currency, locale) : format} />
        </Card>
      ) : null}
      {dimensions.length === 2 ? (
        <Card title={`${t.pivotTitle}: ${t.measures[measure]}`}>
          <PivotTable dimensions={dimensions} measure={measure} rows={rows} currency={currency} locale={locale} t={t} />
        </Card>
      ) : null}
      <Card title={t.tableTitle}>
        <FlatTable dimensions={dimensions} measures={measures} rows={rows} totals={answer.totals} currency={currency} locale={locale} t={t} />
        {answer.truncated ? <p className="mt-2 text-xs text-slate-500">{fill(t.truncated, { shown: rows.length, all: answer.rowCount })}</p> : null}
      </Card>
    </div>
  );
}
