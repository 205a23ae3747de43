// The one path every plan takes into the database (the form, PUT /api/plans, the CSV file): each row
// must name a department or manager of the viewer's scope, and the batch is stored whole or not at all.
import type { Db } from "@/db/types";
import { assertCan } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { departments, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import type { PlanInput } from "./schemas";
import { writePlans, type PlanRow, type PlanWrite } from "./store";
import { targetsInScope, type PlanTargets } from "./targets";

export type Actor = Pick<Viewer, "orgId" | "userId" | "role" | "departmentId"> & { org: Pick<Viewer["org"], "baseCurrency"> };

/** PUT /api/plans: rows by id. A target outside the scope is a 403, one in no organisation of ours a 404. */
export async function savePlans(db: Db, viewer: Actor, input: readonly PlanInput[], via: "form" | "api"): Promise<PlanWrite> {
  assertCan(viewer, "plans:manage");
  const targets = await targetsInScope(db, scopeOf(viewer));
  const rows = input.map((row) => ({ month: row.month, userId: row.userId?.toLowerCase() ?? null, departmentId: row.departmentId?.toLowerCase() ?? null, revenue: row.revenue, wonDeals: row.wonDeals }));
  const outside = await firstOutside(db, viewer.orgId, rows, targets, viewer.role === "admin");
  if (outside) {
    const field = `rows.${outside.index}.${outside.row.userId ? "userId" : "departmentId"}`;
    if (!outside.exists) throw new AppError(404, "plan_target_not_found", `${field}: no such ${outside.row.userId ? "user" : "department"} in your organisation`, { field });
    throw new ForbiddenError(`${field}: you may not set this ${outside.row.userId ? "person's" : "department's"} plan`, { code: "plan_out_of_scope", field });
  }
  const duplicate = firstDuplicate(rows);
  if (duplicate) {
    throw new ValidationError(`rows.${duplicate.index}: repeats row ${duplicate.first} (same month and target)`, { code: "plan_duplicate_row", field: `rows.${duplicate.index}`, params: { line: duplicate.first } });
  }
  return writePlans(db, viewer, rows, viewer.org.baseCurrency, via);
}

/** Of two rows for the same month and target the later one, with the index of the first. */
export function firstDuplicate(rows: readonly PlanRow[]): { index: number; first: number } | null {
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const key = `${row.month}|${row.userId ?? ""}|${row.departmentId ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined) return { index, first };
    seen.set(key, index);
  }
  return null;
}

async function firstOutside(db: Db, orgId: string, rows: readonly PlanRow[], targets: PlanTargets, isAdmin: boolean) {
  const inOrg = await targetsInOrg(db, orgId);
  // An admin sets a plan for anyone of the organisation (a director who sells too), not only the
  // active managers the page lists; a director, only for what the page lists.
  const allowed = isAdmin ? inOrg : { userIds: new Set(targets.managers.map((user) => user.userId)), departmentIds: new Set(targets.departments.map((department) => department.departmentId)) };
  const has = (set: { userIds: Set<string>; departmentIds: Set<string> }, row: PlanRow) => (row.userId ? set.userIds.has(row.userId) : set.departmentIds.has(row.departmentId!));
  const index = rows.findIndex((row) => !has(allowed, row));
  return index < 0 ? null : { index, row: rows[index], exists: has(inOrg, rows[index]) };
}

async function targetsInOrg(db: Db, orgId: string) {
  const [userRows, departmentRows] = await Promise.all([
    db.select({ id: users.id }).from(users).where(eq(users.orgId, orgId)),
    db.select({ id: departments.id }).from(departments).where(eq(departments.orgId, orgId)),
  ]);
  return { userIds: new Set(userRows.map((row) => row.id)), departmentIds: new Set(departmentRows.map((row) => row.id)) };
}
