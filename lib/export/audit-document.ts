// The audit log as an export document (CSV, XLSX or PDF through the one renderer): the rows the page
// shows with the same filters, every page of them, up to AUDIT_EXPORT_MAX.
import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { exportAudit, type AuditFilters, type AuditRow } from "@/lib/audit-log";
import { periodDates, type Locale } from "@/lib/format";
import { resolvePeriod } from "@/lib/reports/filters";
import { auditActionName, auditMessages, auditTargetName } from "@/lib/i18n/audit-messages";
import { exportMessages } from "@/lib/i18n/export-messages";
import { describeScope } from "./describe-filters";
import { defineTable, type ExportDocument } from "./model";

export async function buildAuditDocument(db: Db, viewer: Viewer, filters: AuditFilters, locale: Locale, now = new Date()): Promise<ExportDocument> {
  const t = auditMessages[locale];
  const rows = await exportAudit(db, { id: viewer.orgId, timezone: viewer.org.timezone }, filters);
  const c = t.columns;
  const table = defineTable<AuditRow>({
    columns: [
      { key: "when", header: c.when, type: "datetime", value: (row) => row.createdAt },
      { key: "person", header: c.person, type: "text", value: (row) => (row.user ? `${row.user.name} <${row.user.email}>` : t.system) },
      { key: "action", header: c.action, type: "text", value: (row) => auditActionName(t, row.action) },
      { key: "object", header: c.object, type: "text", value: (row) => auditTargetName(t, row.targetType) },
      { key: "objectId", header: c.objectId, type: "text", value: (row) => row.targetId ?? "" },
      { key: "details", header: c.details, type: "text", value: (row) => (Object.keys(row.details).length ? JSON.stringify(row.details) : "") },
    ],
    rows,
  });
  return {
    slug: "audit-log",
    title: t.title,
    locale,
    currency: viewer.org.baseCurrency,
    timezone: viewer.org.timezone,
    period: auditPeriod(filters, viewer.org.timezone),
    filters: await describeAuditFilters(db, viewer, filters, locale),
    scope: await describeScope(db, viewer, exportMessages[locale]),
    exportedBy: `${viewer.name} <${viewer.email}>`,
    exportedAt: now,
    sections: [{ key: "audit", title: t.title, table }],
  };
}

async function describeAuditFilters(db: Db, viewer: Viewer, filters: AuditFilters, locale: Locale): Promise<[string, string][]> {
  const t = auditMessages[locale];
  const lines: [string, string][] = [];
  if (filters.userId) {
    const [person] = await db.select({ name: users.name }).from(users).where(and(eq(users.id, filters.userId), eq(users.orgId, viewer.orgId)));
    lines.push([t.person, person?.name ?? filters.userId]);
  }
  if (filters.targetType) lines.push([t.object, auditTargetName(t, filters.targetType)]);
  return lines;
}

/** The chosen days as the file names them; none when the whole log is exported. */
function auditPeriod(filters: AuditFilters, timeZone: string): ExportDocument["period"] {
  if (!filters.from && !filters.to) return null;
  const period = resolvePeriod({ from: filters.from, to: filters.to }, timeZone);
  return periodDates({ from: period.from.toISOString(), to: period.to.toISOString() }, timeZone);
}
