// The choices a dashboard's filter bar offers, limited to what the viewer may filter by: departments
// for admins, managers for admins (the whole organisation) and directors (their department only).
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { crmUsers, departments, pipelines, sources, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";

export type FilterOption = { id: string; name: string };
export type FilterOptions = { pipelines: FilterOption[]; departments: FilterOption[]; managers: FilterOption[]; sources: FilterOption[] };

export async function getFilterOptions(db: Db, viewer: Pick<Viewer, "orgId" | "role" | "departmentId">): Promise<FilterOptions> {
  const { orgId, role } = viewer;
  const [pipelineRows, sourceRows, departmentRows, managerRows] = await Promise.all([
    db
      .select({ id: pipelines.id, name: pipelines.name, sourceName: sources.name })
      .from(pipelines)
      .innerJoin(sources, eq(sources.id, pipelines.sourceId))
      .where(and(eq(pipelines.orgId, orgId), eq(pipelines.isDeleted, false)))
      .orderBy(asc(pipelines.sort), asc(pipelines.name), asc(sources.name)),
    db.select({ id: sources.id, name: sources.name }).from(sources).where(eq(sources.orgId, orgId)).orderBy(asc(sources.name)),
    role === "admin" ? db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.orgId, orgId)).orderBy(asc(departments.name)) : [],
    listManagers(db, viewer),
  ]);
  return { pipelines: disambiguate(pipelineRows), departments: departmentRows, managers: disambiguate(managerRows), sources: sourceRows };
}

/** A person with accounts in two CRMs (or two pipelines of the same name) shows the CRM beside the name. */
function disambiguate(rows: { id: string; name: string; sourceName: string }[]): FilterOption[] {
  const count = new Map<string, number>();
  for (const row of rows) count.set(row.name, (count.get(row.name) ?? 0) + 1);
  return rows.map(({ id, name, sourceName }) => ({ id, name: (count.get(name) ?? 0) > 1 ? `${name} · ${sourceName}` : name }));
}

/** CRM users in the viewer's scope; a manager sees only their own deals, so they get no choice. */
async function listManagers(db: Db, { orgId, role, departmentId }: Pick<Viewer, "orgId" | "role" | "departmentId">) {
  if (role === "manager") return [];
  let condition: SQL | undefined = eq(crmUsers.orgId, orgId);
  if (role === "director") {
    if (!departmentId) return [];
    const departmentUsers = db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.departmentId, departmentId)));
    condition = and(condition, inArray(crmUsers.userId, departmentUsers));
  }
  return db
    .select({ id: crmUsers.id, name: crmUsers.name, sourceName: sources.name })
    .from(crmUsers)
    .innerJoin(sources, eq(sources.id, crmUsers.sourceId))
    .where(condition)
    .orderBy(asc(crmUsers.name), asc(sources.name));
}
