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
import { DataTable, FooterRow, type Column } from "@/components/ui/data-table";
import { figureColumns } from "./leads-tables";

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
  const cells = (row: FormFigures, bucket: LeadBucket) => ({
    "form-leads": <FigureLink count={row.formLeads} href={href({ ...bucket, matched: "all" })} locale={locale} testId="form-leads-link" />,
    reached: <FigureLink count={row.reached} href={href({ ...bucket, matched: "reached" })} locale={locale} testId="reached-link" />,
    lost: <FigureLink count={row.lost} href={href({ ...bucket, matched: "lost" })} locale={locale} testId="lost-link" />,
    "reached-rate": formatRate(row.reachedRate, locale),
  });
  const columns: Column<Row>[] = [
    { key: "name", label, className: (row) => (row.key === null ? "italic text-slate-500" : ""), render: (row) => row.name },
    ...figureColumns<Row>(
      [
        ["form-leads", t.formLeads],
        ["reached", t.reached],
        ["lost", t.lost],
        ["reached-rate", t.reachedRate],
      ],
      (row) => cells(row.figures, row.bucket),
      ["reached-rate"],
    ),
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key ?? ""}
      label={label}
      testId={testId}
      rowProps={() => ({ "data-testid": `${testId}-row` })}
      footer={<FooterRow columns={columns} name={total} cells={cells(totals, {})} testId={`${testId}-totals`} />}
    />
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
          <DataTable
            columns={[
              { key: "received", label: t.receivedAt, className: "whitespace-nowrap", render: (row) => formatDateTime(new Date(row.receivedAt), timezone, locale) },
              { key: "name", label: t.name, render: (row) => row.name ?? "—" },
              { key: "phone", label: t.phone, className: "whitespace-nowrap", testId: "lost-phone", render: (row) => row.phone ?? "—" },
              { key: "email", label: t.email, render: (row) => row.email ?? "—" },
              {
                key: "form",
                label: t.form,
                render: (row) => (
                  <ListLink href={href({ ...valueBucket("form", row.form), matched: "lost" })} testId="lost-form-link">
                    {row.form ?? t.noForm}
                  </ListLink>
                ),
              },
              {
                key: "utmSource",
                label: utmSource,
                render: (row) => (
                  <ListLink href={href({ ...valueBucket("utmSource", row.utmSource), matched: "lost" })} testId="lost-utm-link">
                    {row.utmSource ?? notSet}
                  </ListLink>
                ),
              },
            ]}
            rows={forms.lostList}
            rowKey={(row) => row.leadId}
            label={t.lostList}
            testId="forms-lost-table"
            empty={t.noneLost}
            rowProps={() => ({ "data-testid": "forms-lost-row" })}
          />
          {forms.lostListTruncated ? <p className="text-xs text-slate-500">{fill(t.truncated, { n: formatNumber(forms.lostList.length, locale) })}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
