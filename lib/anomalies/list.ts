// GET /api/anomalies: the stored anomalies whose days touch [from, to], newest first, scoped like
// every report — an admin reads the organisation's series, a director their department's series and
// their managers' activities, a manager their own activities (docs/api.md, "Anomalies").
import { and, desc, eq, gte, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { anomalies, crmUsers, type AnomalySeriesType } from "@/db/schema";
import type { Db } from "@/db/types";
import { departmentManagers, managerIn, type Scope } from "@/lib/auth/scope";
import { localToday } from "@/lib/time/comparison";
import { addDays } from "./series";
import { selectLabelledAnomalies } from "./labelled";

const isoDate = z.iso.date({ message: "must be a date as YYYY-MM-DD" });
/** Zod 4 runs an object's refinements even when a field failed its own check: compare real dates only. */
const bothDays = (f: { from?: string; to?: string }): f is { from: string; to: string } => isoDate.safeParse(f.from).success && isoDate.safeParse(f.to).success;
/** At most a year at a time; without dates, the last 14 days (the Overview's "current" anomalies). */
export const anomalyFiltersSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((f) => !bothDays(f) || f.from <= f.to, { path: ["to"], message: "must not be before from" })
  .refine((f) => !bothDays(f) || addDays(f.from, 366) > f.to, { path: ["to"], message: "must be at most 366 days after from" });
export type AnomalyFilters = z.infer<typeof anomalyFiltersSchema>;

export type AnomalyRow = {
  id: string;
  type: AnomalySeriesType;
  /** key: the channel, utm_source, CRM user id or source id; label: what a person calls it. */
  series: { key: string; label: string; department: string | null };
  from: string;
  to: string;
  days: number;
  expected: number;
  actual: number;
  direction: "drop" | "spike";
  severity: "low" | "medium" | "high";
  score: number;
  detectedAt: string;
};

const MANAGER_TYPES: AnomalySeriesType[] = ["activities", "calls"];

/** Which stored anomalies a scope may read. */
export function anomaliesVisibleTo(scope: Scope): SQL {
  const inOrg = eq(anomalies.orgId, scope.orgId);
  const managerSeries = (managers: SQL) => and(eq(anomalies.audience, "org"), inArray(anomalies.type, MANAGER_TYPES), managerIn(anomalies.crmUserId, managers));
  switch (scope.kind) {
    case "org":
      return and(inOrg, eq(anomalies.audience, "org"))!;
    case "department":
      if (!scope.departmentId) return sql`false`;
      return and(inOrg, or(and(eq(anomalies.audience, "department"), eq(anomalies.departmentId, scope.departmentId)), managerSeries(departmentManagers(scope.departmentId, scope.orgId))))!;
    case "own":
      return and(inOrg, managerSeries(sql`select ${crmUsers.id} from ${crmUsers} where ${crmUsers.orgId} = ${scope.orgId} and ${crmUsers.userId} = ${scope.userId}`))!;
  }
}

export async function listAnomalies(db: Db, scope: Scope, filters: AnomalyFilters, org: { timezone: string }, now = new Date()): Promise<{ from: string; to: string; rows: AnomalyRow[] }> {
  const to = filters.to ?? localToday(now, org.timezone);
  const from = filters.from ?? addDays(to, -13);
  const found = await selectLabelledAnomalies(db, { id: anomalies.id, days: anomalies.days, score: anomalies.score, detectedAt: anomalies.detectedAt })
    .where(and(anomaliesVisibleTo(scope), lte(anomalies.fromDay, to), gte(anomalies.toDay, from)))
    .orderBy(desc(anomalies.toDay), desc(anomalies.score))
    .limit(200);
  return {
    from,
    to,
    rows: found.map((row) => ({
      id: row.id,
      type: row.type,
      series: { key: row.key, label: row.manager ?? row.source ?? row.key, department: row.department },
      from: row.from,
      to: row.to,
      days: row.days,
      expected: Math.round(row.expected * 100) / 100,
      actual: Math.round(row.actual * 100) / 100,
      direction: row.direction,
      severity: row.severity,
      score: row.score,
      detectedAt: row.detectedAt.toISOString(),
    })),
  };
}
