// An admin sets a new password for a user of their organisation (e.g. a forgotten one).
import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { hashPassword } from "@/lib/auth/password";
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
      // A new password ends the person's existing sessions (not the admin's own, who is using one).
      .set({ passwordHash, ...(userId === viewer.userId ? {} : { sessionsValidAfter: new Date() }) })
      .where(and(eq(users.id, userId), eq(users.orgId, viewer.orgId)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new NotFoundError("User");
    await writeAudit(tx, viewer, { action: "user.password.set", targetType: "user", targetId: userId });
  });
}
