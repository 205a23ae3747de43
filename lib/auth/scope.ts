// The viewer's scope: which managers' rows they may see. Every data-access function takes it as a
// required argument and applies it inside its query, through scopeCondition, so no caller can
// forget it and no query writes the rule a second time.
import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { crmUsers, users } from "@/db/schema";
import type { Viewer } from "./viewer";

export type Scope =
  | { kind: "org"; orgId: string }
  | { kind: "department"; orgId: string; departmentId: string | null }
  | { kind: "own"; orgId: string; userId: string };

export function scopeOf(viewer: Pick<Viewer, "orgId" | "role" | "userId" | "departmentId">): Scope {
  switch (viewer.role) {
    case "admin":
      return { kind: "org", orgId: viewer.orgId };
    case "director":
      return { kind: "department", orgId: viewer.orgId, departmentId: viewer.departmentId };
    case "manager":
      return { kind: "own", orgId: viewer.orgId, userId: viewer.userId };
  }
}

/**
 * The condition that limits a table (raw rows or a daily rollup) to the scope: its organisation,
 * and for directors and managers only rows whose manager (a CRM user) is linked to a user of the
 * department, or to the viewer. Rows with no manager are visible to admins only.
 */
export function scopeCondition(scope: Scope, table: { orgId: AnyColumn; crmUserId: AnyColumn }): SQL {
  const inOrg = eq(table.orgId, scope.orgId);
  switch (scope.kind) {
    case "org":
      return inOrg;
    case "department":
      if (!scope.departmentId) return sql`false`; // a director without a department sees nothing
      return and(inOrg, managerIn(table.crmUserId, departmentManagers(scope.departmentId, scope.orgId)))!;
    case "own":
      return and(
        inOrg,
        managerIn(table.crmUserId, sql`select ${crmUsers.id} from ${crmUsers} where ${crmUsers.orgId} = ${scope.orgId} and ${crmUsers.userId} = ${scope.userId}`),
      )!;
  }
}

/** The CRM users linked to the department's users; `orgId` narrows it when the caller knows the organisation. */
export function departmentManagers(departmentId: string, orgId?: string): SQL {
  const inOrg = orgId ? sql` and ${users.orgId} = ${orgId}` : sql``;
  return sql`select ${crmUsers.id} from ${crmUsers} join ${users} on ${users.id} = ${crmUsers.userId} where ${users.departmentId} = ${departmentId}${inOrg}`;
}

/**
 * `crm_user_id = any(array(…))` rather than `in (subquery)`: the planner then knows the handful of
 * managers before it plans and reads a director's or a manager's rows through the (org, manager, …)
 * indexes, where `in (subquery)` made it scan the organisation's rows and hash-join them.
 */
export function managerIn(column: AnyColumn, managers: SQL): SQL {
  return sql`${column} = any(array(${managers}))`;
}
