// The CRM users (managers) found in the organisation's sources, and whom each is linked to.
import { asc, eq } from "drizzle-orm";
import { crmUsers, sources, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCan } from "@/lib/auth/guards";
import type { SourceKind } from "@/db/schema";

export type CrmUserSummary = {
  id: string;
  name: string;
  email: string | null;
  externalId: string;
  isActive: boolean;
  source: { id: string; name: string; kind: SourceKind };
  user: { id: string; name: string } | null;
};

export async function listCrmUsers(db: Db, viewer: Viewer): Promise<CrmUserSummary[]> {
  assertCan(viewer, "users:manage");
  const rows = await db
    .select({
      id: crmUsers.id,
      name: crmUsers.name,
      email: crmUsers.email,
      externalId: crmUsers.externalId,
      isActive: crmUsers.isActive,
      sourceId: sources.id,
      sourceName: sources.name,
      sourceKind: sources.kind,
      userId: users.id,
      userName: users.name,
    })
    .from(crmUsers)
    .innerJoin(sources, eq(sources.id, crmUsers.sourceId))
    .leftJoin(users, eq(users.id, crmUsers.userId))
    .where(eq(crmUsers.orgId, viewer.orgId))
    .orderBy(asc(sources.name), asc(crmUsers.name));
  return rows.map(({ sourceId, sourceName, sourceKind, userId, userName, ...crmUser }) => ({
    ...crmUser,
    source: { id: sourceId, name: sourceName, kind: sourceKind },
    user: userId && userName !== null ? { id: userId, name: userName } : null,
  }));
}
