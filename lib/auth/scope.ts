// The viewer's scope: which managers' rows they may see. Every data-access function takes it as a
// required argument and applies it inside its query, so no caller can forget it.
import { and, eq, inArray, sql, type SQL, type AnyColumn } from "drizzle-orm";
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
 * The condition that limits a table to the scope: its organisation, and for directors and managers
 * only rows whose manager (a CRM user) is linked to a user of the department, or to the viewer.
 * Rows with no manager are visible to admins only.
 */
export function scopeCondition(scope: Scope, table: { orgId: AnyColumn; crmUserId: AnyColumn }): SQL {
  const inOrg = eq(table.orgId, scope.orgId);
  switch (scope.kind) {
    case "org":
      return inOrg;
    case "department": {
      if (!scope.departmentId) return sql`false`; // a director without a department sees nothing
      const managers = sql`(select ${crmUsers.id} from ${crmUsers} join ${users} on ${users.id} = ${crmUsers.userId}
        where ${users.orgId} = ${scope.orgId} and ${users.departmentId} = ${scope.departmentId})`;
      return and(inOrg, inArray(table.crmUserId, managers))!;
    }
    case "own": {
      const mine = sql`(select ${crmUsers.id} from ${crmUsers} where ${crmUsers.orgId} = ${scope.orgId} and ${crmUsers.userId} = ${scope.userId})`;
      return and(inOrg, inArray(table.crmUserId, mine))!;
    }
  }
}
