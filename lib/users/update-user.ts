// Changes a user's role, department, name or active flag, keeping the organisation manageable:
// an admin cannot lock themselves out, and the last active admin can never be demoted or disabled.
import { and, count, eq, ne } from "drizzle-orm";
import { organisations, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { diffFields, writeAudit } from "@/lib/audit";
import { endSessionsAndTokens } from "@/lib/auth/sessions";
import { directorNeedsDepartment, requireDepartment } from "./departments";
import { assertCan, parseId } from "@/lib/auth/guards";
import { getUser, type UserSummary } from "./list-users";
import type { UpdateUserInput } from "./schemas";

export type UserChanges = Omit<UpdateUserInput, "password">;

export async function updateUser(db: Db, viewer: Viewer, userId: string, changes: UserChanges): Promise<UserSummary> {
  assertCan(viewer, "users:manage");
  parseId(userId, "User");
  await db.transaction(async (tx) => {
    // Lock the organisation row so that admin changes in one org run one at a time: two admins
    // demoting each other at once must not both succeed and leave the organisation with none.
    // NO KEY UPDATE still lets other transactions insert rows that merely reference the org.
    await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, viewer.orgId)).for("no key update");
    const [user] = await tx
      .select({ id: users.id, name: users.name, role: users.role, departmentId: users.departmentId, isActive: users.isActive })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.orgId, viewer.orgId)))
      .limit(1);
    if (!user) throw new NotFoundError("User");

    // Field by field, so nothing else a caller passes (a password, say) can reach the update or the log.
    const next = {
      name: changes.name ?? user.name,
      role: changes.role ?? user.role,
      departmentId: changes.departmentId === undefined ? user.departmentId : changes.departmentId,
      isActive: changes.isActive ?? user.isActive,
    };
    const isDemotion = user.role === "admin" && next.role !== "admin";
    const isDisabling = user.isActive && !next.isActive;
    if (user.id === viewer.userId && isDemotion) throw new ValidationError("You cannot take away your own admin role; ask another admin", { code: "own_admin_role", field: "role" });
    if (user.id === viewer.userId && isDisabling) throw new ValidationError("You cannot disable your own account", { code: "own_account_disable", field: "isActive" });
    if (user.role === "admin" && user.isActive && (isDemotion || isDisabling)) {
      const [{ otherAdmins }] = await tx
        .select({ otherAdmins: count() })
        .from(users)
        .where(and(eq(users.orgId, viewer.orgId), eq(users.role, "admin"), eq(users.isActive, true), ne(users.id, user.id)));
      if (otherAdmins === 0) {
        throw new ConflictError(`${user.name} is the last active admin of the organisation; make another user an admin first`, { code: "last_admin", params: { name: user.name } });
      }
    }
    if (changes.departmentId && changes.departmentId !== user.departmentId) await requireDepartment(tx, viewer.orgId, changes.departmentId);
    if (next.role === "director" && !next.departmentId) throw directorNeedsDepartment();

    const diff = diffFields(user, next);
    if (Object.keys(diff).length === 0) return;
    await tx
      .update(users)
      .set(next)
      .where(and(eq(users.id, user.id), eq(users.orgId, viewer.orgId)));
    // A disabled person is out at once and for good: enabling them again brings back no old
    // cookie and no old token (loadViewer refuses the one, resolveApiToken the other).
    const ended = isDisabling ? await endSessionsAndTokens(tx, { orgId: viewer.orgId, userId: user.id }) : {};
    await writeAudit(tx, viewer, { action: "user.update", targetType: "user", targetId: user.id, details: { changes: diff, ...ended } });
  });
  return getUser(db, viewer, userId);
}
