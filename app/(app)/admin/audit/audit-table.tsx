// The audit log's rows: when (the organisation's time), who, what was done to which object, and the
// change's own details as recorded (data, not translated): on a phone folded under «Show», so a row
// stays a line or two high.
import type { ReactNode } from "react";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/audit-log";
import { formatDateTime, type Locale } from "@/lib/format";
import { auditActionName, auditTargetName, type auditMessages } from "@/lib/i18n/audit-messages";

type Props = { rows: AuditRow[]; t: (typeof auditMessages)["ru"]; locale: Locale; timeZone: string; empty: string; pager: ReactNode };

export function AuditTable({ rows, t, locale, timeZone, empty, pager }: Props) {
  const c = t.columns;
  const columns: Column<AuditRow>[] = [
    { key: "when", label: c.when, className: "whitespace-nowrap tabular-nums", render: (row) => formatDateTime(row.createdAt, timeZone, locale) },
    // One line each on a phone: the table scrolls sideways there rather than growing tall.
    { key: "person", label: c.person, className: "whitespace-nowrap md:whitespace-normal", render: (row) => (row.user ? row.user.name : <span className="text-slate-500">{t.system}</span>) },
    { key: "action", label: c.action, className: "whitespace-nowrap md:whitespace-normal", render: (row) => auditActionName(t, row.action) },
    {
      key: "object",
      label: c.object,
      render: (row) => (
        <>
          {auditTargetName(t, row.targetType)}
          {row.targetId ? (
            <span className="block whitespace-nowrap font-mono text-xs text-slate-500" translate="no">
              {row.targetId}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: "details",
      label: c.details,
      className: "max-w-md",
      render: (row) => (Object.keys(row.details).length ? <Details details={row.details} show={t.showDetails} /> : null),
    },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(row) => String(row.id)} label={t.title} testId="audit-table" empty={empty} rowProps={() => ({ "data-testid": "audit-row" })} pager={pager} />;
}

function Details({ details, show }: { details: Record<string, unknown>; show: string }) {
  const code = (className: string) => (
    <code className={`whitespace-pre-wrap break-all text-xs text-slate-600 ${className}`} translate="no">
      {JSON.stringify(details)}
    </code>
  );
  return (
    <>
      <details className="md:hidden" data-testid="audit-details">
        <summary className="cursor-pointer text-xs text-brand-600">{show}</summary>
        {code("mt-1 block max-w-56")}
      </details>
      {code("hidden md:block")}
    </>
  );
}
