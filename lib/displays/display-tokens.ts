// Display tokens for a sales-floor TV: random, shown once, stored as SHA-256 (the API tokens'
// helpers), revocable. A token reads with the rights of the admin who made it and can only read:
// its viewer is marked read-only and the API wrapper refuses it every write (lib/api/handler.ts).
import { and, desc, eq, isNull } from "drizzle-orm";
import { displayTokens, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/guards";
import { hashToken, isSameHash, newSecret } from "@/lib/auth/tokens";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import type { SavedViewDashboard } from "@/lib/saved-views/dashboards";
import { DISPLAY_TOKEN_PREFIX } from "./limits";
import type { CreateDisplayToken } from "./schemas";

export type DisplayTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  dashboards: SavedViewDashboard[];
  rotateSeconds: number;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export async function createDisplayToken(db: Db, viewer: Viewer, input: CreateDisplayToken): Promise<{ id: string; token: string }> {
  assertCan(viewer, "displays:manage");
  const token = newSecret(DISPLAY_TOKEN_PREFIX);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(displayTokens)
      .values({ orgId: viewer.orgId, createdBy: viewer.userId, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10), dashboards: input.dashboards, rotateSeconds: input.rotateSeconds })
      .returning({ id: displayTokens.id });
    await writeAudit(tx, viewer, { action: "display_token.create", targetType: "display_token", targetId: row.id, details: { name: input.name, dashboards: input.dashboards } });
    return { id: row.id, token };
  });
}

/** The organisation's live display tokens (an admin manages every screen, not only their own). */
export async function listDisplayTokens(db: Db, viewer: Viewer): Promise<DisplayTokenSummary[]> {
  assertCan(viewer, "displays:manage");
  const rows = await db
    .select({ token: displayTokens, createdByName: users.name })
    .from(displayTokens)
    .leftJoin(users, eq(users.id, displayTokens.createdBy))
    .where(and(eq(displayTokens.orgId, viewer.orgId), isNull(displayTokens.revokedAt)))
    .orderBy(desc(displayTokens.createdAt));
  return rows.map(({ token: row, createdByName }) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    dashboards: row.dashboards as SavedViewDashboard[],
    rotateSeconds: row.rotateSeconds,
    createdByName,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  }));
}

export type DisplaySession = { viewer: Viewer; dashboards: SavedViewDashboard[]; rotateSeconds: number; name: string };

/**
 * What a live display token shows and as whom, or null (unknown, revoked, or its maker disabled).
 * The viewer is the maker's, loaded fresh, marked read-only.
 */
export async function resolveDisplayToken(db: Db, token: string): Promise<DisplaySession | null> {
  if (!token.startsWith(DISPLAY_TOKEN_PREFIX)) return null;
  const hash = hashToken(token);
  const [row] = await db.select().from(displayTokens).where(and(eq(displayTokens.tokenHash, hash), isNull(displayTokens.revokedAt))).limit(1);
  if (!row || !isSameHash(row.tokenHash, hash)) return null;
  const maker = await loadViewer(db, row.createdBy);
  if (!maker || maker.orgId !== row.orgId) return null;
  await db.update(displayTokens).set({ lastUsedAt: new Date() }).where(eq(displayTokens.id, row.id));
  return { viewer: { ...maker, isReadOnly: true }, dashboards: row.dashboards as SavedViewDashboard[], rotateSeconds: row.rotateSeconds, name: row.name };
}
