// What the reports need to read the daily rollups: a period as local days, and the viewer's scope
// and filters applied to a rollup table (which carries the manager, source and, for deals, pipeline).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { and, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { crmUsers, users } from "@/db/schema";
import { scopeCondition } from "@/lib/auth/scope";
import type { Period } from "@/lib/time/months";
import { filterConditions, managerFilterIds } from "../filters";
import type { ReportContext } from "../report";

/** The local calendar day (YYYY-MM-DD) of an instant in the organisation's time zone. */
export function localDay(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/**
 * `day` within the period's local days [from, to). Periods start and end at local midnight (see
 * resolvePeriod and lib/time/comparison.ts, which shifts local dates), so this is the same as
 * comparing instants; a bound that is not a midnight would count from the day it falls on.
 */
export function dayWithin(day: AnyColumn | SQL, period: Period, timeZone: string): SQL {
  return sql`(${day} >= ${localDay(period.from, timeZone)}::date and ${day} < ${localDay(period.to, timeZone)}::date)`;
}

type RollupTable = { orgId: AnyColumn; crmUserId: AnyColumn; sourceId: AnyColumn; pipelineId?: AnyColumn };

/**
 * The same rows as scopeCondition and filterConditions (lib/auth/scope.ts, ../filters.ts) select,
 * written as `crm_user_id = any(array(…))`: the planner then knows the handful of managers before it
 * plans and reads a director's or a manager's rollup rows through the (org, manager, day) indexes,
 * where `in (subquery)` made it scan the organisation's rows and hash-join them.
 */
function managerCondition(column: AnyColumn, managers: SQL): SQL {
  return sql`${column} = any(array(${managers}))`;
}

/** The viewer's scope and the report's filters on a rollup table; leads and activities have no pipeline. */
export function rollupVisible(context: Pick<ReportContext, "scope" | "filters">, table: RollupTable): SQL {
  const { scope, filters } = context;
  const conditions: SQL[] = [];
  switch (scope.kind) {
    case "org":
      conditions.push(scopeCondition(scope, table));
      break;
    case "department":
      if (!scope.departmentId) return sql`false`; // a director without a department sees nothing
      conditions.push(
        sql`${table.orgId} = ${scope.orgId}`,
        managerCondition(
          table.crmUserId,
          sql`select ${crmUsers.id} from ${crmUsers} join ${users} on ${users.id} = ${crmUsers.userId} where ${users.orgId} = ${scope.orgId} and ${users.departmentId} = ${scope.departmentId}`,
        ),
      );
      break;
    case "own":
      conditions.push(
        sql`${table.orgId} = ${scope.orgId}`,
        managerCondition(table.crmUserId, sql`select ${crmUsers.id} from ${crmUsers} where ${crmUsers.orgId} = ${scope.orgId} and ${crmUsers.userId} = ${scope.userId}`),
      );
      break;
  }
  const { departmentId, managerId, ...others } = filters;
  conditions.push(...filterConditions(others, table));
  if (managerId) conditions.push(managerCondition(table.crmUserId, managerFilterIds(managerId)));
  if (departmentId) {
    conditions.push(
      managerCondition(table.crmUserId, sql`select ${crmUsers.id} from ${crmUsers} join ${users} on ${users.id} = ${crmUsers.userId} where ${users.departmentId} = ${departmentId}`),
    );
  }
  return and(...conditions)!;
}
