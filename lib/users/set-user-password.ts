// An admin sets a new password for a user of their organisation (e.g. a forgotten one).
import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsAndTokens } from "@/lib/auth/sessions";
import { revokeAllApiTokens } from "@/lib/auth/tokens";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";
import { passwordSchema } from "./schemas";

export async function setUserPassword(db: Db, viewer: Viewer, userId: string, password: string): Promise<void> {
  assertCan(viewer, "users:manage");
  parseId(userId, "User");
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new ValidationError(`The password ${checked.error.issues[0].message}`, { field: "password" });
  const passwordHash = await hashPassword(checked.data);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, passwordSetAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.orgId, viewer.orgId)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new NotFoundError("User");
    // A new password is what an admin sets when an account may be in other hands: it ends the
    // person's sessions (not the admin's own, who is using one) and revokes their API tokens.
    const owner = { orgId: viewer.orgId, userId };
    const tokensRevoked = userId === viewer.userId ? await revokeAllApiTokens(tx, owner) : (await endSessionsAndTokens(tx, owner)).tokensRevoked;
    await writeAudit(tx, viewer, { action: "user.password.set", targetType: "user", targetId: userId, details: { tokensRevoked } });
  });
}
