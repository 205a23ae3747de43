// The organisation's users as the admin pages and the API show them: never the password hash.
import { and, asc, eq, isNotNull, type SQL } from "drizzle-orm";
import { crmUsers, departments, sources, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Role } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { assertCan, parseId } from "@/lib/auth/guards";

export type LinkedCrmUser = { id: string; name: string; externalId: string; sourceId: string; sourceName: string };

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  locale: "ru" | "en" | null;
  department: { id: string; name: string } | null;
  crmUsers: LinkedCrmUser[];
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function listUsers(db: Db, viewer: Viewer): Promise<UserSummary[]> {
  assertCan(viewer, "users:manage");
  return loadUsers(db, viewer.orgId);
}

/** One user of the viewer's organisation; a user of another organisation is "not found". */
export async function getUser(db: Db, viewer: Viewer, userId: string): Promise<UserSummary> {
  assertCan(viewer, "users:manage");
  const [user] = await loadUsers(db, viewer.orgId, parseId(userId, "User"));
  if (!user) throw new NotFoundError("User");
  return user;
}

async function loadUsers(db: Db, orgId: string, userId?: string): Promise<UserSummary[]> {
  const onlyUser = (column: typeof users.id | typeof crmUsers.userId): SQL[] => (userId ? [eq(column, userId)] : []);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      isActive: users.isActive,
      locale: users.locale,
      departmentId: departments.id,
      departmentName: departments.name,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(departments, and(eq(departments.id, users.departmentId), eq(departments.orgId, users.orgId)))
    .where(and(eq(users.orgId, orgId), ...onlyUser(users.id)))
    .orderBy(asc(users.name), asc(users.email));
  if (rows.length === 0) return [];

  const links = await db
    .select({
      userId: crmUsers.userId,
      id: crmUsers.id,
      name: crmUsers.name,
      externalId: crmUsers.externalId,
      sourceId: sources.id,
      sourceName: sources.name,
    })
    .from(crmUsers)
    .innerJoin(sources, eq(sources.id, crmUsers.sourceId))
    .where(and(eq(crmUsers.orgId, orgId), isNotNull(crmUsers.userId), ...onlyUser(crmUsers.userId)))
    .orderBy(asc(sources.name), asc(crmUsers.name));
  const linksByUser = new Map<string, LinkedCrmUser[]>();
  for (const { userId: owner, ...link } of links) {
    linksByUser.set(owner!, [...(linksByUser.get(owner!) ?? []), link]);
  }

  return rows.map(({ departmentId, departmentName, ...user }) => ({
    ...user,
    department: departmentId && departmentName !== null ? { id: departmentId, name: departmentName } : null,
    crmUsers: linksByUser.get(user.id) ?? [],
  }));
}
