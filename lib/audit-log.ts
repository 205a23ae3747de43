// Reading the audit log (lib/audit.ts writes it): who changed what and when, for the admins of one
// organisation, filtered by person, kind of object and period (local days), newest first.
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { AUDIT_TARGET_TYPES } from "@/lib/audit";
import { resolvePeriod } from "@/lib/reports/filters";

export const AUDIT_PAGE_SIZE = 50;
/** An export is one file a person opens; the log of a busy organisation over years stops here. */
export const AUDIT_EXPORT_MAX = 100_000;

const isoDate = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

export const auditFiltersSchema = z
  .object({
    userId: z.uuid({ message: "must be a user id" }).optional(),
    targetType: z.enum(AUDIT_TARGET_TYPES, { message: `must be one of ${AUDIT_TARGET_TYPES.join(", ")}` }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number({ message: "must be a page number" }).int({ message: "must be a page number" }).min(1, { message: "must be 1 or more" }).max(10_000, { message: "must be at most 10000" }).default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must not be before from" });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export type AuditRow = {
  id: string;
  createdAt: Date;
  /** Null when the person was deleted since (or the change was the system's). */
  user: { id: string; name: string; email: string } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
};

/** The organisation whose log is read, and its time zone (the period is in local days). */
export type AuditOrg = { id: string; timezone: string };

function conditions(orgId: string, filters: AuditFilters, timeZone: string): SQL {
  const period = filters.from || filters.to ? resolvePeriod({ from: filters.from, to: filters.to }, timeZone) : null;
  return and(
    eq(auditLog.orgId, orgId),
    filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
    filters.targetType ? eq(auditLog.targetType, filters.targetType) : undefined,
    period ? gte(auditLog.createdAt, period.from) : undefined,
    period ? lt(auditLog.createdAt, period.to) : undefined,
  )!;
}

function selectRows(db: Db, where: SQL) {
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
}

type Selected = Awaited<ReturnType<typeof selectRows>>[number];

function toRow({ userId, userName, userEmail, ...row }: Selected): AuditRow {
  return { ...row, user: userId ? { id: userId, name: userName ?? "", email: userEmail ?? "" } : null };
}

export async function listAudit(db: Db, org: AuditOrg, filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
  const where = conditions(org.id, filters, org.timezone);
  const [rows, [{ total }]] = await Promise.all([
    selectRows(db, where)
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows: rows.map(toRow), total };
}

/** Every matching row for a file, newest first, up to AUDIT_EXPORT_MAX. */
export async function exportAudit(db: Db, org: AuditOrg, filters: AuditFilters): Promise<AuditRow[]> {
  return (await selectRows(db, conditions(org.id, filters, org.timezone)).limit(AUDIT_EXPORT_MAX)).map(toRow);
}

/** The organisation's people, for the page's person filter. */
export function auditPeople(db: Db, orgId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.orgId, orgId)).orderBy(sql`lower(${users.name})`);
}
