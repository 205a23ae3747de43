// The filters every report takes, parsed by the same schema on the page and in the JSON API:
// a period (from/to dates, `to` inclusive, in the organisation's time zone, or a preset),
// pipeline, department, manager (a person: a Voronka user and every CRM account linked to them, or
// one CRM user that is linked to nobody) and source (a connected CRM).
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addWeeks, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from "date-fns";
import { and, eq, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { crmUsers, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { departmentManagers, managerIn, scopeCondition, type Scope } from "@/lib/auth/scope";
import { ForbiddenError } from "@/lib/errors";
import type { Period } from "@/lib/time/months";

export const periodPresets = ["this-week", "last-week", "this-month", "last-month", "this-quarter", "this-year", "last-12-months", "all-time"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

const isoDate = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

export const reportFiltersSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    preset: z.enum(periodPresets, { message: `must be one of ${periodPresets.join(", ")}` }).optional(),
    pipelineId: z.uuid({ message: "must be a pipeline id" }).optional(),
    departmentId: z.uuid({ message: "must be a department id" }).optional(),
    managerId: z.uuid({ message: "must be a manager id" }).optional(),
    sourceId: z.uuid({ message: "must be a source id" }).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must not be before from" });

export type ReportFilters = z.infer<typeof reportFiltersSchema>;

/** A list's traffic team (the Traffic dashboard's row): a team id, or "none" for the Unattributed row. */
export const teamIdSchema = z
  .union([z.uuid({ message: "must be a traffic team id or none" }), z.literal("none", { message: "must be a traffic team id or none" })], { message: "must be a traffic team id or none" })
  .optional();

/** A list's bucket value as a figure's row wrote it (a source, a UTM tag, a form): trimmed, as the reports group it. */
export const bucketLabelSchema = z.string().trim().min(1, "must not be blank").max(500, "must be at most 500 characters").optional();

/** `any`: a list's utm_source and utm_campaign match whatever their case, as the Traffic dashboard groups them. */
export const tagCaseSchema = z.enum(["any"], { message: "must be any" }).optional();

/** Parses URL search params (empty values count as absent). */
export function parseReportFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): ReportFilters {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]);
  return reportFiltersSchema.parse(Object.fromEntries(entries.filter(([, value]) => value !== undefined && value !== "")));
}

/** The period as instants [from, to): explicit dates win, then the preset, then the last 12 months. */
export function resolvePeriod(filters: Pick<ReportFilters, "from" | "to" | "preset">, timeZone: string, now = new Date()): Period {
  const local = new TZDate(now.getTime(), timeZone);
  const dayStart = (date: string) => {
    const [year, month, day] = date.split("-").map(Number);
    return new TZDate(year, month - 1, day, timeZone);
  };
  const instant = (date: Date) => new Date(date.getTime());
  if (filters.from || filters.to) {
    const from = filters.from ? dayStart(filters.from) : new TZDate(2000, 0, 1, timeZone);
    const to = filters.to ? addDays(dayStart(filters.to), 1) : addDays(startOfDayIn(local), 1);
    return { from: instant(from), to: instant(to) };
  }
  const thisMonth = startOfMonth(local);
  // Weeks start on Monday, at midnight in the organisation's time zone (date-fns works in the TZDate's zone).
  const thisWeek = startOfWeek(local, { weekStartsOn: 1 });
  switch (filters.preset ?? "last-12-months") {
    case "this-week":
      return { from: instant(thisWeek), to: instant(addWeeks(thisWeek, 1)) };
    case "last-week":
      return { from: instant(addWeeks(thisWeek, -1)), to: instant(thisWeek) };
    case "this-month":
      return { from: instant(thisMonth), to: instant(addMonths(thisMonth, 1)) };
    case "last-month":
      return { from: instant(addMonths(thisMonth, -1)), to: instant(thisMonth) };
    case "this-quarter": {
      const quarter = startOfQuarter(local);
      return { from: instant(quarter), to: instant(addMonths(quarter, 3)) };
    }
    case "this-year": {
      const year = startOfYear(local);
      return { from: instant(year), to: instant(addMonths(year, 12)) };
    }
    case "last-12-months":
      return { from: instant(addMonths(thisMonth, -11)), to: instant(addMonths(thisMonth, 1)) };
    case "all-time":
      return { from: new Date("2000-01-01T00:00:00Z"), to: instant(addDays(startOfDayIn(local), 1)) };
  }
}

function startOfDayIn(local: TZDate): TZDate {
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), local.timeZone ?? "UTC");
}

/**
 * The CRM users a manager filter selects: the CRM user with that id, or every CRM user linked to the
 * Voronka user with that id (one person with a Bitrix24 and an amoCRM account).
 */
export function managerFilterIds(managerId: string): SQL {
  return sql`select ${crmUsers.id} from ${crmUsers} where ${crmUsers.id} = ${managerId} or ${crmUsers.userId} = ${managerId}`;
}

/** A department or manager filter must lie inside the viewer's scope: otherwise 403, not an empty report. */
export async function assertFiltersInScope(db: Db, scope: Scope, filters: ReportFilters): Promise<void> {
  if (filters.departmentId && scope.kind !== "org" && !(scope.kind === "department" && scope.departmentId === filters.departmentId)) {
    throw new ForbiddenError("That department is outside what you may see", { code: "department_out_of_scope", field: "departmentId" });
  }
  if (!filters.managerId) return;
  const [manager] = await db
    .select({ userId: crmUsers.userId, departmentId: users.departmentId })
    .from(crmUsers)
    .leftJoin(users, eq(users.id, crmUsers.userId))
    .where(and(or(eq(crmUsers.id, filters.managerId), eq(crmUsers.userId, filters.managerId)), eq(crmUsers.orgId, scope.orgId)))
    .limit(1);
  const visible =
    manager &&
    (scope.kind === "org" ||
      (scope.kind === "department" && scope.departmentId !== null && manager.departmentId === scope.departmentId) ||
      (scope.kind === "own" && manager.userId === scope.userId));
  if (!visible) throw new ForbiddenError("That manager is outside what you may see", { code: "manager_out_of_scope", field: "managerId" });
}

/** The filter conditions for a table with a source, a manager and (optionally) a pipeline. */
export function filterConditions(filters: ReportFilters, table: { sourceId: AnyColumn; crmUserId: AnyColumn; pipelineId?: AnyColumn }): SQL[] {
  const conditions: SQL[] = [];
  if (filters.sourceId) conditions.push(eq(table.sourceId, filters.sourceId));
  if (filters.pipelineId && table.pipelineId) conditions.push(eq(table.pipelineId, filters.pipelineId));
  // A person (every CRM account linked to them) or one CRM account.
  if (filters.managerId) conditions.push(managerIn(table.crmUserId, managerFilterIds(filters.managerId)));
  if (filters.departmentId) conditions.push(managerIn(table.crmUserId, departmentManagers(filters.departmentId)));
  return conditions;
}

type FilterableTable = { orgId: AnyColumn; crmUserId: AnyColumn; sourceId: AnyColumn; pipelineId?: AnyColumn };

/** The rows a report reads: the viewer's scope, then the report's filters (leads and activities have no pipeline). */
export function reportRows(context: { scope: Scope; filters: ReportFilters }, table: FilterableTable): SQL {
  return and(scopeCondition(context.scope, table), ...filterConditions(context.filters, table))!;
}
