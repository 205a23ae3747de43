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
import { tableScroll } from "@/components/ui/table-scroll";

type T = DashboardMessages["leads"];
export const th = "py-2 pr-4 text-right font-medium last:pr-0";
export const td = "py-2 pr-4 text-right last:pr-0";

export function Table({ testId, head, children, foot }: { testId: string; head: ReactNode; children: ReactNode; foot?: ReactNode }) {
  return (
    <div className={tableScroll}>
      <table className="w-full text-sm tabular-nums" data-testid={testId}>
        <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
        {foot ? <tfoot className="border-t-2 border-slate-200 font-semibold">{foot}</tfoot> : null}
      </table>
    </div>
  );
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
  const figures = (row: { leads: number; share: number | null; converted: number; conversionRate: number | null }, bucket: LeadBucket) => (
    <>
      <td className={td} data-testid="leads">
        <FigureLink count={row.leads} href={href(bucket)} locale={locale} testId="leads-link" />
      </td>
      <td className={`${td} text-slate-500`} data-testid="share">
        {formatRate(row.share, locale)}
      </td>
      <td className={td} data-testid="converted">
        <FigureLink count={row.converted} href={href({ ...bucket, status: "converted" })} locale={locale} testId="converted-link" />
      </td>
      <td className={td} data-testid="conversion">
        {formatRate(row.conversionRate, locale)}
      </td>
    </>
  );
  return (
    <Table
      testId={testId}
      head={
        <>
          <th className="py-2 pr-4 font-medium">{label}</th>
          <th className={th}>{t.leads}</th>
          <th className={th}>{t.share}</th>
          <th className={th}>{t.converted}</th>
          <th className={th}>{t.conversion}</th>
        </>
      }
      foot={
        <tr data-testid={`${testId}-totals`}>
          <td className="py-2 pr-4">{t.total}</td>
          {figures({ ...totals, share: totals.leads > 0 ? 1 : null }, {})}
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.source ?? ""} data-testid={`${testId}-row`}>
          <td className={`py-2 pr-4 ${row.source === null ? "text-slate-500 italic" : ""}`}>{row.sourceName ?? t.notSet}</td>
          {figures(row, bucketOf(row))}
        </tr>
      ))}
    </Table>
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
  const figures = (row: LeadConversionFigures, bucket: LeadBucket | null) => (
    <>
      <td className={td} data-testid="leads">
        <FigureLink count={row.leads} href={bucket && href(bucket)} locale={locale} testId="leads-link" />
      </td>
      <td className={td} data-testid="converted">
        <FigureLink count={row.converted} href={bucket && href({ ...bucket, status: "converted" })} locale={locale} testId="converted-link" />
      </td>
      <td className={td} data-testid="conversion">
        {formatRate(row.conversionRate, locale)}
      </td>
      <td className={`${td} text-slate-500`} data-testid="median-days">
        {formatDays(row.medianDaysToConvert, locale, t.days)}
      </td>
    </>
  );
  return (
    <Table
      testId={testId}
      head={
        <>
          <th className="py-2 pr-4 font-medium">{label}</th>
          <th className={th}>{t.leads}</th>
          <th className={th}>{t.converted}</th>
          <th className={th}>{t.conversion}</th>
          <th className={th}>{t.medianDays}</th>
        </>
      }
      foot={
        <tr data-testid={`${testId}-totals`}>
          <td className="py-2 pr-4">{t.total}</td>
          {figures(totals, {})}
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={rowKey(row)} data-testid={`${testId}-row`}>
          <td className="py-2 pr-4">{name(row)}</td>
          {figures(row, bucketOf(row))}
        </tr>
      ))}
    </Table>
  );
}
