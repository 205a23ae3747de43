// Departments of the viewer's organisation: directors see the managers of theirs.
import { and, asc, eq } from "drizzle-orm";
import { departments } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/db/errors";
import { assertCan } from "@/lib/auth/guards";

export type Department = { id: string; name: string; createdAt: Date };

const columns = { id: departments.id, name: departments.name, createdAt: departments.createdAt };

export async function listDepartments(db: Db, viewer: Viewer): Promise<Department[]> {
  assertCan(viewer, "org:read");
  return db.select(columns).from(departments).where(eq(departments.orgId, viewer.orgId)).orderBy(asc(departments.name));
}

export async function createDepartment(db: Db, viewer: Viewer, input: { name: string }): Promise<Department> {
  assertCan(viewer, "users:manage");
  try {
    return await db.transaction(async (tx) => {
      const [department] = await tx.insert(departments).values({ orgId: viewer.orgId, name: input.name }).returning(columns);
      await writeAudit(tx, viewer, { action: "department.create", targetType: "department", targetId: department.id, details: { name: input.name } });
      return department;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A department named "${input.name}" already exists`, { code: "department_name_taken", field: "name", params: { name: input.name } });
    throw error;
  }
}

/** Throws "not found" unless the department belongs to the organisation. */
export async function requireDepartment(db: Db, orgId: string, departmentId: string): Promise<void> {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.orgId, orgId)))
    .limit(1);
  if (!row) throw new NotFoundError("Department", { field: "departmentId" });
}

/** The rule the invite schema states too (`params.code`), for callers that change a role directly. */
export const directorNeedsDepartment = () => new ValidationError("A director needs a department", { code: "director_needs_department", field: "departmentId" });
