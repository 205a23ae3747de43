// Adds a person to the viewer's organisation with an initial password the admin passes on.
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/db/errors";
import { assertWithinQuota } from "@/lib/hosted/quotas";
import { directorNeedsDepartment, requireDepartment } from "./departments";
import { assertCan } from "@/lib/auth/guards";
import { getUser, type UserSummary } from "./list-users";
import { inviteUserSchema, type InviteUserInput } from "./schemas";

export async function inviteUser(db: Db, viewer: Viewer, input: InviteUserInput): Promise<UserSummary> {
  assertCan(viewer, "users:manage");
  // Parsed again so a direct caller gets the same rules as the API: lower-cased e-mail, password length.
  const { email, name, role, departmentId, password } = inviteUserSchema.parse(input);
  if (departmentId) await requireDepartment(db, viewer.orgId, departmentId);
  if (role === "director" && !departmentId) throw directorNeedsDepartment();
  const passwordHash = await hashPassword(password);
  let userId: string;
  try {
    userId = await db.transaction(async (tx) => {
      // In the transaction: its lock keeps two invitations at once from both passing the quota.
      await assertWithinQuota(tx, viewer.orgId, "users");
      const [created] = await tx
        .insert(users)
        .values({ orgId: viewer.orgId, email, name, role, departmentId: departmentId ?? null, passwordHash })
        .returning({ id: users.id });
      await writeAudit(tx, viewer, { action: "user.invite", targetType: "user", targetId: created.id, details: { email, name, role, departmentId: departmentId ?? null } });
      return created.id;
    });
  } catch (error) {
    // Only within the organisation, whose users the admin sees anyway: an account of the same
    // e-mail in another organisation is no obstacle, so the answer never reveals one exists.
    if (isUniqueViolation(error)) throw new ConflictError("A user with this e-mail already exists", { code: "email_taken", field: "email" });
    throw error;
  }
  return getUser(db, viewer, userId);
}
