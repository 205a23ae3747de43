// Whose plans a viewer may read and set: the departments and managers of their scope. Admins: every
// department and every active manager; directors: their department and its managers; managers:
// themselves (read only — lib/auth/permissions.ts keeps "plans:manage" from them).
import { and, asc, eq, type SQL } from "drizzle-orm";
import { departments, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";

export type DepartmentTarget = { departmentId: string; name: string };
export type ManagerTarget = { userId: string; name: string; email: string; departmentId: string | null };
export type PlanTargets = { departments: DepartmentTarget[]; managers: ManagerTarget[] };

export async function targetsInScope(db: Db, scope: Scope): Promise<PlanTargets> {
  if (scope.kind === "department" && !scope.departmentId) return { departments: [], managers: [] };
  const departmentWhere: SQL | undefined =
    scope.kind === "org" ? eq(departments.orgId, scope.orgId) : scope.kind === "department" ? and(eq(departments.orgId, scope.orgId), eq(departments.id, scope.departmentId!)) : undefined;
  const managerWhere =
    scope.kind === "own"
      ? and(eq(users.orgId, scope.orgId), eq(users.id, scope.userId))
      : and(eq(users.orgId, scope.orgId), eq(users.role, "manager"), eq(users.isActive, true), scope.kind === "department" ? eq(users.departmentId, scope.departmentId!) : undefined);
  const [departmentRows, managerRows] = await Promise.all([
    departmentWhere ? db.select({ departmentId: departments.id, name: departments.name }).from(departments).where(departmentWhere).orderBy(asc(departments.name)) : [],
    db.select({ userId: users.id, name: users.name, email: users.email, departmentId: users.departmentId }).from(users).where(managerWhere).orderBy(asc(users.name)),
  ]);
  return { departments: departmentRows, managers: managerRows };
}
