// Revoking what shows reports outside the app — a TV screen's display token or an embed link — is
// one rule: an admin stamps revoked_at on their own organisation's live one, audited; another
// organisation's, or one already revoked, is "not found".
import { and, eq, isNull } from "drizzle-orm";
import { displayTokens, embedLinks } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

const kinds = {
  display_token: { table: displayTokens, thing: "Display token", action: "display_token.revoke" },
  embed_link: { table: embedLinks, thing: "Embed link", action: "embed_link.revoke" },
} as const;

export async function revokeDisplay(db: Db, viewer: Viewer, kind: keyof typeof kinds, rawId: string): Promise<void> {
  assertCan(viewer, "displays:manage");
  const { table, thing, action } = kinds[kind];
  const id = parseId(rawId, thing);
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(table)
      .set({ revokedAt: new Date() })
      .where(and(eq(table.id, id), eq(table.orgId, viewer.orgId), isNull(table.revokedAt)))
      .returning({ id: table.id });
    if (revoked.length === 0) throw new NotFoundError(thing);
    await writeAudit(tx, viewer, { action, targetType: kind, targetId: id });
  });
}
