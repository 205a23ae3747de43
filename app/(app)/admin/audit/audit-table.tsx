// The audit log's rows: when (the organisation's time), who, what was done to which object, and the
// change's own details as recorded (data, not translated).
import { tableScroll } from "@/components/ui/table-scroll";
import type { AuditRow } from "@/lib/audit-log";
import { formatDateTime, type Locale } from "@/lib/format";
import { auditActionName, auditTargetName, type auditMessages } from "@/lib/i18n/audit-messages";

type Props = { rows: AuditRow[]; t: (typeof auditMessages)["ru"]; locale: Locale; timeZone: string };

export function AuditTable({ rows, t, locale, timeZone }: Props) {
  const c = t.columns;
  return (
    <div className={tableScroll}>
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {[c.when, c.person, c.action, c.object, c.details].map((label) => (
              <th key={label} scope="col" className="px-2 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row">
              <td className="whitespace-nowrap px-2 py-2 tabular-nums">{formatDateTime(row.createdAt, timeZone, locale)}</td>
              <td className="px-2 py-2">{row.user ? row.user.name : <span className="text-slate-500">{t.system}</span>}</td>
              <td className="px-2 py-2">{auditActionName(t, row.action)}</td>
              <td className="px-2 py-2">
                {auditTargetName(t, row.targetType)}
                {row.targetId ? (
                  <span className="block font-mono text-xs text-slate-500" translate="no">
                    {row.targetId}
                  </span>
                ) : null}
              </td>
              <td className="max-w-md px-2 py-2">
                {Object.keys(row.details).length ? (
                  <code className="block whitespace-pre-wrap break-all text-xs text-slate-600" translate="no">
                    {JSON.stringify(row.details)}
                  </code>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
