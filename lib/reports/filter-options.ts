// The choices a dashboard's filter bar offers, limited to what the viewer may filter by: departments
// for admins, managers for admins (the whole organisation) and directors (their department only).
// A manager is a person: the Voronka user linked to one or more CRM accounts (the option's id is the
// user's), or a CRM user linked to nobody (its own id); lib/reports/filters.ts reads both.
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
  return { pipelines: disambiguate(pipelineRows), departments: departmentRows, managers: disambiguate(people(managerRows)), sources: sourceRows };
}

/** Two unlinked CRM users (or two pipelines) of the same name show the CRM beside the name; a person has none to show. */
function disambiguate(rows: { id: string; name: string; sourceName: string }[]): FilterOption[] {
  const count = new Map<string, number>();
  for (const row of rows) count.set(row.name, (count.get(row.name) ?? 0) + 1);
  return rows.map(({ id, name, sourceName }) => ({ id, name: (count.get(name) ?? 0) > 1 && sourceName ? `${name} · ${sourceName}` : name }));
}

type ManagerRow = { id: string; name: string; sourceName: string; userId: string | null; userName: string | null };

/**
 * A person's name: as the CRM names them (reports name managers so), or — when their accounts in two
 * CRMs are named differently — as Voronka names the user they are linked to.
 */
export function personName(accountNames: string[], userName: string | null): string {
  const names = new Set(accountNames);
  return names.size === 1 || userName === null ? accountNames[0] : userName;
}

/** One option per person: a user's CRM accounts fold into the user, sorted by name. */
function people(rows: ManagerRow[]): { id: string; name: string; sourceName: string }[] {
  const byId = new Map<string, ManagerRow[]>();
  for (const row of rows) byId.set(row.userId ?? row.id, [...(byId.get(row.userId ?? row.id) ?? []), row]);
  return [...byId.entries()]
    .map(([id, accounts]) => ({ id, name: personName(accounts.map((a) => a.name), accounts[0].userName), sourceName: accounts[0].userId ? "" : accounts[0].sourceName }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
}

/** CRM users in the viewer's scope with the person they belong to; a manager sees only their own deals, so they get no choice. */
async function listManagers(db: Db, { orgId, role, departmentId }: Pick<Viewer, "orgId" | "role" | "departmentId">): Promise<ManagerRow[]> {
  if (role === "manager") return [];
  let condition: SQL | undefined = eq(crmUsers.orgId, orgId);
  if (role === "director") {
    if (!departmentId) return [];
    const departmentUsers = db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.departmentId, departmentId)));
    condition = and(condition, inArray(crmUsers.userId, departmentUsers));
  }
  return db
    .select({ id: crmUsers.id, name: crmUsers.name, sourceName: sources.name, userId: crmUsers.userId, userName: users.name })
    .from(crmUsers)
    .innerJoin(sources, eq(sources.id, crmUsers.sourceId))
    .leftJoin(users, eq(users.id, crmUsers.userId))
    .where(condition)
    .orderBy(asc(crmUsers.name), asc(sources.name));
}
