// The Leads dashboard's "Site forms" card: per form and per utm_source, submissions that reached the
// CRM and those lost on the way, and the list of the lost ones (lib/reports/form-leads.ts). A lost
// row's form and utm_source open the lead list of that form's (that tag's) lost submissions.
import Link from "next/link";
import type { ReactNode } from "react";
import { FigureLink } from "@/components/leads/figure-link";
import { valueBucket, type LeadBucket } from "@/components/leads/lead-links";
import { formatDateTime, formatNumber, formatRate, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { FormFigures, FormLeadsSummary } from "@/lib/reports/form-leads";
import { Table, td, th } from "./leads-tables";

type T = DashboardMessages["leads"]["forms"];

/** A lost row's form or tag as a link to the list of its lost submissions. */
function ListLink({ href, testId, children }: { href: string; testId: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-brand-700 underline decoration-dotted underline-offset-2 hover:decoration-solid" data-testid={testId}>
      {children}
    </Link>
  );
}

type Row = { key: string | null; name: string; figures: FormFigures; bucket: LeadBucket };

/** Each count opens its submissions in the lead list (`matched` all, reached or lost, within the row's bucket). */
function FiguresTable(props: { testId: string; label: string; rows: Row[]; totals: FormFigures; href: (bucket: LeadBucket) => string; locale: Locale; t: T; total: string }) {
  const { testId, label, rows, totals, href, locale, t, total } = props;
  const cells = (row: FormFigures, bucket: LeadBucket) => (
    <>
      <td className={td} data-testid="form-leads">
        <FigureLink count={row.formLeads} href={href({ ...bucket, matched: "all" })} locale={locale} testId="form-leads-link" />
      </td>
      <td className={td} data-testid="reached">
        <FigureLink count={row.reached} href={href({ ...bucket, matched: "reached" })} locale={locale} testId="reached-link" />
      </td>
      <td className={td} data-testid="lost">
        <FigureLink count={row.lost} href={href({ ...bucket, matched: "lost" })} locale={locale} testId="lost-link" />
      </td>
      <td className={`${td} text-slate-500`} data-testid="reached-rate">
        {formatRate(row.reachedRate, locale)}
      </td>
    </>
  );
  return (
    <Table
      testId={testId}
      head={
        <>
          <th className="py-2 pr-4 font-medium">{label}</th>
          <th className={th}>{t.formLeads}</th>
          <th className={th}>{t.reached}</th>
          <th className={th}>{t.lost}</th>
          <th className={th}>{t.reachedRate}</th>
        </>
      }
      foot={
        <tr data-testid={`${testId}-totals`}>
          <td className="py-2 pr-4">{total}</td>
          {cells(totals, {})}
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.key ?? ""} data-testid={`${testId}-row`}>
          <td className={`py-2 pr-4 ${row.key === null ? "italic text-slate-500" : ""}`}>{row.name}</td>
          {cells(row.figures, row.bucket)}
        </tr>
      ))}
    </Table>
  );
}

export function FormsCard(props: { forms: FormLeadsSummary; isAdmin: boolean; timezone: string; href: (bucket: LeadBucket) => string; locale: Locale; t: DashboardMessages["leads"] }) {
  const { forms, isAdmin, timezone, href, locale } = props;
  const t = props.t.forms;
  const { notSet, total, utmSource } = props.t;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        {t.hint}
        {isAdmin ? null : ` ${t.scopeNote}`}
      </p>
      <div className="grid gap-6 xl:grid-cols-2">
        <FiguresTable
          testId="forms-table"
          label={t.form}
          rows={forms.byForm.map((row) => ({ key: row.form, name: row.form ?? t.noForm, figures: row, bucket: valueBucket("form", row.form) }))}
          totals={forms.totals}
          href={href}
          locale={locale}
          t={t}
          total={total}
        />
        <FiguresTable
          testId="forms-utm-table"
          label={utmSource}
          rows={forms.byUtmSource.map((row) => ({ key: row.utmSource, name: row.utmSource ?? notSet, figures: row, bucket: valueBucket("utmSource", row.utmSource) }))}
          totals={forms.totals}
          href={href}
          locale={locale}
          t={t}
          total={total}
        />
      </div>
      {isAdmin ? (
        <section aria-label={t.lostList} className="space-y-2">
          <h3 className="font-medium text-slate-900">
            {t.lostList} ({formatNumber(forms.totals.lost, locale)})
          </h3>
          {forms.lostList.length === 0 ? (
            <p className="text-sm text-slate-500">{t.noneLost}</p>
          ) : (
            <Table
              testId="forms-lost-table"
              head={
                <>
                  <th className="py-2 pr-4 font-medium">{t.receivedAt}</th>
                  <th className="py-2 pr-4 font-medium">{t.name}</th>
                  <th className="py-2 pr-4 font-medium">{t.phone}</th>
                  <th className="py-2 pr-4 font-medium">{t.email}</th>
                  <th className="py-2 pr-4 font-medium">{t.form}</th>
                  <th className="py-2 pr-4 font-medium last:pr-0">{utmSource}</th>
                </>
              }
            >
              {forms.lostList.map((row) => (
                <tr key={row.leadId} data-testid="forms-lost-row">
                  <td className="whitespace-nowrap py-2 pr-4">{formatDateTime(new Date(row.receivedAt), timezone, locale)}</td>
                  <td className="py-2 pr-4">{row.name ?? "—"}</td>
                  <td className="whitespace-nowrap py-2 pr-4" data-testid="lost-phone">
                    {row.phone ?? "—"}
                  </td>
                  <td className="py-2 pr-4">{row.email ?? "—"}</td>
                  <td className="py-2 pr-4">
                    <ListLink href={href({ ...valueBucket("form", row.form), matched: "lost" })} testId="lost-form-link">
                      {row.form ?? t.noForm}
                    </ListLink>
                  </td>
                  <td className="py-2 pr-4 last:pr-0">
                    <ListLink href={href({ ...valueBucket("utmSource", row.utmSource), matched: "lost" })} testId="lost-utm-link">
                      {row.utmSource ?? notSet}
                    </ListLink>
                  </td>
                </tr>
              ))}
            </Table>
          )}
          {forms.lostListTruncated ? <p className="text-xs text-slate-500">{fill(t.truncated, { n: formatNumber(forms.lostList.length, locale) })}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
