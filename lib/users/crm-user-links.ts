// Which CRM users (managers in Bitrix24/amoCRM) a Voronka user is: this decides what they see.
import { and, eq, inArray } from "drizzle-orm";
import { crmUsers, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";
import { getUser, type UserSummary } from "./list-users";

/**
 * Replaces the user's links with exactly `crmUserIds`. A CRM user already linked to someone else is
 * a conflict rather than silently moved, so one admin never undoes another's work unnoticed.
 */
export async function setLinkedCrmUsers(db: Db, viewer: Viewer, userId: string, crmUserIds: string[]): Promise<UserSummary> {
  assertCan(viewer, "users:manage");
  parseId(userId, "User");
  const wanted = [...new Set(crmUserIds.map((id) => parseId(id, "CRM user", { field: "crmUserIds" })))];
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.orgId, viewer.orgId)))
      .limit(1);
    if (!user) throw new NotFoundError("User");

    const requested = wanted.length
      ? await tx
          .select({ id: crmUsers.id, name: crmUsers.name, userId: crmUsers.userId, userName: users.name })
          .from(crmUsers)
          .leftJoin(users, eq(users.id, crmUsers.userId))
          .where(and(eq(crmUsers.orgId, viewer.orgId), inArray(crmUsers.id, wanted)))
          .for("no key update", { of: crmUsers })
      : [];
    if (requested.length !== wanted.length) throw new NotFoundError("CRM user", { field: "crmUserIds" });
    const taken = requested.find((row) => row.userId && row.userId !== user.id);
    if (taken) {
      throw new ConflictError(`CRM user ${taken.name} is already linked to ${taken.userName}; unlink it there first`, {
        code: "crm_user_linked_elsewhere",
        field: "crmUserIds",
        params: { crmUser: taken.name, user: taken.userName ?? "" },
      });
    }

    const current = await tx
      .select({ id: crmUsers.id })
      .from(crmUsers)
      .where(and(eq(crmUsers.orgId, viewer.orgId), eq(crmUsers.userId, user.id)))
      .for("no key update");
    const currentIds = new Set(current.map((row) => row.id));
    const added = wanted.filter((id) => !currentIds.has(id));
    const removed = [...currentIds].filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return;
    if (removed.length) {
      await tx.update(crmUsers).set({ userId: null }).where(and(eq(crmUsers.orgId, viewer.orgId), inArray(crmUsers.id, removed)));
    }
    if (added.length) {
      await tx.update(crmUsers).set({ userId: user.id }).where(and(eq(crmUsers.orgId, viewer.orgId), inArray(crmUsers.id, added)));
    }
    await writeAudit(tx, viewer, { action: "user.crm-users.set", targetType: "user", targetId: user.id, details: { added, removed } });
  });
  return getUser(db, viewer, userId);
}
