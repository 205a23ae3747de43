// Embed links: one dashboard (or saved view, a built report's included), in its maker's scope, at an address that works without signing in —
// `/embed/<id>.<expiry>.<signature>`. The signature (lib/auth/signed-value.ts) makes the address
// unguessable and its expiry untouchable; the stored row makes it revocable and names the maker, whose
// rights are loaded fresh on every view (a disabled maker's links stop working).
import { and, desc, eq, isNull } from "drizzle-orm";
import { embedLinks, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { appUrl } from "@/lib/url/app-url";
import { writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/guards";
import { signValue, verifySignedValue } from "@/lib/auth/signed-value";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import type { SavedViewKind } from "@/lib/saved-views/dashboards";
import { getSavedView } from "@/lib/saved-views/saved-views";
import { isUuid } from "@/lib/uuid";
import type { CreateEmbedLink } from "./schemas";

const PURPOSE = "voronka:embed:v1";
const DAY_MS = 24 * 3600 * 1000;

export type EmbedLinkSummary = { id: string; name: string; dashboard: SavedViewKind; query: string; url: string; expiresAt: Date; createdByName: string | null; createdAt: Date };
export type EmbedView = { viewer: Viewer; dashboard: SavedViewKind; query: string; expiresAt: Date; orgId: string };

/** The token of a link: its id and expiry (whole seconds), signed. */
export function embedToken(id: string, expiresAt: Date, secret = env.AUTH_SECRET): string {
  return signValue(PURPOSE, `${id}.${Math.floor(expiresAt.getTime() / 1000)}`, secret);
}

/** The link id and expiry a token signs, or null when damaged, forged or past its expiry. */
export function verifyEmbedToken(token: string, now = new Date(), secret = env.AUTH_SECRET): { id: string; expiresAt: Date } | null {
  const value = verifySignedValue(PURPOSE, token, secret);
  const [id, seconds, ...rest] = value?.split(".") ?? [];
  if (!id || !seconds || rest.length > 0 || !isUuid(id) || !/^\d{1,12}$/.test(seconds)) return null;
  const expiresAt = new Date(Number(seconds) * 1000);
  return expiresAt > now ? { id, expiresAt } : null;
}

const embedUrl = (id: string, expiresAt: Date) => `${appUrl()}/embed/${embedToken(id, expiresAt)}`;

export async function createEmbedLink(db: Db, viewer: Viewer, input: CreateEmbedLink, now = new Date()): Promise<EmbedLinkSummary> {
  assertCan(viewer, "displays:manage");
  // Whole seconds, as the token carries them, so the list and the token agree to the second.
  const expiresAt = new Date(Math.floor((now.getTime() + input.days * DAY_MS) / 1000) * 1000);
  // A saved view (a built report's included) is copied as it stands: the link keeps showing it if the view changes or goes.
  const view = input.viewId ? await getSavedView(db, viewer, input.viewId) : null;
  const { dashboard, query } = view ?? { dashboard: input.dashboard!, query: input.query };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(embedLinks).values({ orgId: viewer.orgId, createdBy: viewer.userId, name: input.name, dashboard, query, expiresAt }).returning();
    await writeAudit(tx, viewer, { action: "embed_link.create", targetType: "embed_link", targetId: row.id, details: { name: input.name, dashboard, viewId: input.viewId, days: input.days } });
    return { id: row.id, name: row.name, dashboard, query: row.query, url: embedUrl(row.id, expiresAt), expiresAt, createdByName: viewer.name, createdAt: row.createdAt };
  });
}

/** The organisation's links not revoked and not expired, with their addresses (an admin can copy one again). */
export async function listEmbedLinks(db: Db, viewer: Viewer, now = new Date()): Promise<EmbedLinkSummary[]> {
  assertCan(viewer, "displays:manage");
  const rows = await db
    .select({ link: embedLinks, createdByName: users.name })
    .from(embedLinks)
    .leftJoin(users, eq(users.id, embedLinks.createdBy))
    .where(and(eq(embedLinks.orgId, viewer.orgId), isNull(embedLinks.revokedAt)))
    .orderBy(desc(embedLinks.createdAt));
  return rows
    .filter(({ link }) => link.expiresAt > now)
    .map(({ link, createdByName }) => ({
      id: link.id,
      name: link.name,
      dashboard: link.dashboard as SavedViewKind,
      query: link.query,
      url: embedUrl(link.id, link.expiresAt),
      expiresAt: link.expiresAt,
      createdByName,
      createdAt: link.createdAt,
    }));
}

/** What an embed address shows and as whom, or null: bad signature, expired, revoked, or its maker disabled. */
export async function resolveEmbedLink(db: Db, token: string, now = new Date()): Promise<EmbedView | null> {
  const signed = verifyEmbedToken(token, now);
  if (!signed) return null;
  const [row] = await db.select().from(embedLinks).where(and(eq(embedLinks.id, signed.id), isNull(embedLinks.revokedAt))).limit(1);
  if (!row || row.expiresAt <= now) return null;
  const maker = await loadViewer(db, row.createdBy);
  if (!maker || maker.orgId !== row.orgId) return null;
  return { viewer: { ...maker, isReadOnly: true }, dashboard: row.dashboard as SavedViewKind, query: row.query, expiresAt: row.expiresAt, orgId: row.orgId };
}
