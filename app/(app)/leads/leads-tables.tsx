// The Leads dashboard's tables: leads per source (or utm_source) with their share and conversion,
// and the conversion figures per month or per manager, each with a totals row. Every count opens
// its leads: `href` turns a row's bucket (or the totals' {}) into the lead list's link.
import type { ReactNode } from "react";
import { FigureLink } from "@/components/leads/figure-link";
import type { LeadBucket } from "@/components/leads/lead-links";
import { formatRate, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { LeadConversionFigures } from "@/lib/reports/lead-conversion";
import type { LeadSourceRow, LeadsBySourceResult } from "@/lib/reports/leads-by-source";
import { formatDays } from "./leads-format";
import { DataTable, FooterRow, type Column } from "@/components/ui/data-table";

type T = DashboardMessages["leads"];

/** Figure columns (right-aligned, each cell named by its key) whose cells come from `cells`. */
export function figureColumns<Row>(labels: [key: string, label: string][], cells: (row: Row) => Record<string, ReactNode>, muted: string[] = []): Column<Row>[] {
  return labels.map(([key, label]) => ({ key, label, isNumeric: true, testId: key, className: muted.includes(key) ? "text-slate-500" : "", render: (row: Row) => cells(row)[key] }));
}

/** Leads per source: `testId` names the table; its rows are `${testId}-row`, its totals `${testId}-totals`. */
export function SourceTable(props: {
  testId: string;
  label: string;
  rows: LeadSourceRow[];
  totals: LeadsBySourceResult["totals"];
  bucketOf: (row: LeadSourceRow) => LeadBucket;
  href: (bucket: LeadBucket) => string;
  locale: Locale;
  t: T;
}) {
  const { testId, label, rows, totals, bucketOf, href, locale, t } = props;
  const figures = (row: { leads: number; share: number | null; converted: number; conversionRate: number | null }, bucket: LeadBucket) => ({
    leads: <FigureLink count={row.leads} href={href(bucket)} locale={locale} testId="leads-link" />,
    share: formatRate(row.share, locale),
    converted: <FigureLink count={row.converted} href={href({ ...bucket, status: "converted" })} locale={locale} testId="converted-link" />,
    conversion: formatRate(row.conversionRate, locale),
  });
  const columns: Column<LeadSourceRow>[] = [
    { key: "source", label, className: (row) => (row.source === null ? "text-slate-500 italic" : ""), render: (row) => row.sourceName ?? t.notSet },
    ...figureColumns<LeadSourceRow>(
      [
        ["leads", t.leads],
        ["share", t.share],
        ["converted", t.converted],
        ["conversion", t.conversion],
      ],
      (row) => figures(row, bucketOf(row)),
      ["share"],
    ),
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.source ?? ""}
      label={label}
      testId={testId}
      rowProps={() => ({ "data-testid": `${testId}-row` })}
      footer={<FooterRow columns={columns} name={t.total} cells={figures({ ...totals, share: totals.leads > 0 ? 1 : null }, {})} testId={`${testId}-totals`} />}
    />
  );
}

/** Conversion figures per month or per manager: `name` is the first column of each row. */
export function ConversionTable<R extends LeadConversionFigures>(props: {
  testId: string;
  label: string;
  rows: R[];
  rowKey: (row: R) => string;
  name: (row: R) => ReactNode;
  totals: LeadConversionFigures;
  /** null: the row's leads have no list the viewer could open. */
  bucketOf: (row: R) => LeadBucket | null;
  href: (bucket: LeadBucket) => string;
  locale: Locale;
  t: T;
}) {
  const { testId, label, rows, rowKey, name, totals, bucketOf, href, locale, t } = props;
  const figures = (row: LeadConversionFigures, bucket: LeadBucket | null) => ({
    leads: <FigureLink count={row.leads} href={bucket && href(bucket)} locale={locale} testId="leads-link" />,
    converted: <FigureLink count={row.converted} href={bucket && href({ ...bucket, status: "converted" })} locale={locale} testId="converted-link" />,
    conversion: formatRate(row.conversionRate, locale),
    "median-days": formatDays(row.medianDaysToConvert, locale, t.days),
  });
  const columns: Column<R>[] = [
    { key: "name", label, render: name },
    ...figureColumns<R>(
      [
        ["leads", t.leads],
        ["converted", t.converted],
        ["conversion", t.conversion],
        ["median-days", t.medianDays],
      ],
      (row) => figures(row, bucketOf(row)),
      ["median-days"],
    ),
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={rowKey}
      label={label}
      testId={testId}
      rowProps={() => ({ "data-testid": `${testId}-row` })}
      footer={<FooterRow columns={columns} name={t.total} cells={figures(totals, {})} testId={`${testId}-totals`} />}
    />
  );
}
