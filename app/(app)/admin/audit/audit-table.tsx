// The audit log's rows: when (the organisation's time), who, what was done to which object, and the
// change's own details as recorded (data, not translated).
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
    { key: "person", label: c.person, render: (row) => (row.user ? row.user.name : <span className="text-slate-500">{t.system}</span>) },
    { key: "action", label: c.action, render: (row) => auditActionName(t, row.action) },
    {
      key: "object",
      label: c.object,
      render: (row) => (
        <>
          {auditTargetName(t, row.targetType)}
          {row.targetId ? (
            <span className="block font-mono text-xs text-slate-500" translate="no">
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
      render: (row) =>
        Object.keys(row.details).length ? (
          <code className="block whitespace-pre-wrap break-all text-xs text-slate-600" translate="no">
            {JSON.stringify(row.details)}
          </code>
        ) : null,
    },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(row) => String(row.id)} label={t.title} testId="audit-table" empty={empty} rowProps={() => ({ "data-testid": "audit-row" })} pager={pager} />;
}
