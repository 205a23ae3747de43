// Personal API tokens: random, shown once, stored as SHA-256, carrying their owner's rights.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";

const TOKEN_PREFIX = "vrk_";

export type TokenSummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

/** A new secret: the prefix that says what it is, then 32 random bytes. Display tokens share this (lib/displays). */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The index finds a row by hash; compare again in constant time so equality never leaks timing. */
export function isSameHash(stored: string, hash: string): boolean {
  return stored.length === hash.length && timingSafeEqual(Buffer.from(stored), Buffer.from(hash));
}

export async function createApiToken(db: Db, owner: { orgId: string; userId: string }, name: string) {
  const token = newSecret(TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ orgId: owner.orgId, userId: owner.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 10) })
    .returning({ id: apiTokens.id });
  return { id: row.id, token };
}

export async function listApiTokens(db: Db, owner: { orgId: string; userId: string }): Promise<TokenSummary[]> {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, owner.orgId), eq(apiTokens.userId, owner.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the owner's own tokens; another person's token is "not found", not "forbidden". */
export async function revokeApiToken(db: Db, owner: { orgId: string; userId: string }, tokenId: string): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.orgId, owner.orgId), eq(apiTokens.userId, owner.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw new NotFoundError("Token");
}

/**
 * Revokes every live token of a person (their account disabled, or a new password set): the
 * number revoked. Nothing ever clears revoked_at, so enabling the account again brings none back.
 */
export async function revokeAllApiTokens(db: Db, owner: { orgId: string; userId: string }, now = new Date()): Promise<number> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.orgId, owner.orgId), eq(apiTokens.userId, owner.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}

/** The owner's user id for a live token, or null. */
export async function resolveApiToken(db: Db, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, tokenHash: apiTokens.tokenHash })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || !isSameHash(row.tokenHash, hash)) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return row.userId;
}
