// The signed-in person's own API tokens, with an audit row for each one made or revoked.
import type { Db } from "@/db/types";
import { createApiToken, listApiTokens, revokeApiToken, type TokenSummary } from "@/lib/auth/tokens";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";

export async function createOwnApiToken(db: Db, viewer: Viewer, name: string): Promise<{ id: string; token: string }> {
  assertCan(viewer, "tokens:manage-own");
  return db.transaction(async (tx) => {
    const created = await createApiToken(tx, viewer, name);
    await writeAudit(tx, viewer, { action: "token.create", targetType: "api_token", targetId: created.id, details: { name } });
    return created;
  });
}

export async function listOwnApiTokens(db: Db, viewer: Viewer): Promise<TokenSummary[]> {
  assertCan(viewer, "tokens:manage-own");
  return listApiTokens(db, viewer);
}

/** Another person's token is "not found", like a token that never existed. */
export async function revokeOwnApiToken(db: Db, viewer: Viewer, tokenId: string): Promise<void> {
  assertCan(viewer, "tokens:manage-own");
  await db.transaction(async (tx) => {
    await revokeApiToken(tx, viewer, parseId(tokenId, "Token"));
    await writeAudit(tx, viewer, { action: "token.revoke", targetType: "api_token", targetId: tokenId });
  });
}
