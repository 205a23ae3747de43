// Creating, listing and deleting an organisation's sources. Credentials are encrypted before they
// reach the database and never leave it again; the list shows only what an admin needs, and no
// webhook secret (that is source-secret.ts: shown at creation, then on an audited Reveal or Rotate).
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { sources, syncRuns } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { refreshSourceFacts } from "@/lib/reports/facts/refresh";
import { writeAudit } from "@/lib/audit";
import { sealCredentials, type SourceCredentials } from "./credentials";
import { inboundWebhookUrl } from "./inbound-url";
import { normalizeBitrixWebhookUrl, type CreateSourceInput, type UpdateSourceInput } from "./schemas";

type Admin = Pick<Viewer, "orgId" | "userId">;

/** 24 random bytes: amoCRM's path secret, a shop's signing key. */
export const newWebhookSecret = () => randomBytes(24).toString("base64url");

export async function createSource(db: Db, viewer: Admin, input: CreateSourceInput, origin: string) {
  let baseUrl: string | null = null;
  let credentials: SourceCredentials | null = null;
  const settings: Record<string, unknown> = {};
  if (input.kind === "bitrix24") {
    if (input.webhookUrl) {
      const webhookUrl = normalizeBitrixWebhookUrl(input.webhookUrl)!;
      baseUrl = new URL(webhookUrl).origin;
      credentials = { kind: "bitrix24-webhook", webhookUrl };
    } else {
      // The schema has checked that every OAuth field is present.
      baseUrl = new URL(input.portalUrl!).origin;
      credentials = {
        kind: "bitrix24-oauth",
        portalUrl: baseUrl,
        clientId: input.clientId!,
        clientSecret: input.clientSecret!,
        accessToken: input.accessToken!,
        refreshToken: input.refreshToken!,
        expiresAt: 0,
        oauthServer: input.oauthServer,
      };
    }
    if (input.applicationToken) settings.applicationToken = input.applicationToken;
  } else if (input.kind === "amocrm") {
    baseUrl = new URL(input.baseUrl).origin;
    credentials = {
      kind: "amocrm-token",
      accessToken: input.accessToken,
      refreshToken: input.refreshToken,
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      redirectUri: input.redirectUri,
    };
  }
  // Sealed before the insert: without ENCRYPTION_KEY this throws and nothing is stored.
  const sealed = credentials ? sealCredentials(credentials) : null;
  const webhookSecret = newWebhookSecret();
  const [row] = await db
    .insert(sources)
    .values({ orgId: viewer.orgId, kind: input.kind, name: input.name, baseUrl, credentials: sealed, webhookSecret, settings })
    .returning();
  await writeAudit(db, viewer, { action: "source.create", targetType: "source", targetId: row.id, details: { kind: row.kind, name: row.name, host: baseUrl ? new URL(baseUrl).host : null } });
  return {
    id: row.id,
    // The only answer that carries the secret unasked: amoCRM's in its address, the shop's to sign with (HMAC-SHA256 of the body).
    inboundWebhookUrl: inboundWebhookUrl(origin, row, "shown"),
    ...(row.kind === "shop" ? { signingSecret: row.webhookSecret } : {}),
  };
}

export type SourceListItem = {
  id: string;
  kind: "bitrix24" | "amocrm" | "shop";
  name: string;
  host: string | null;
  isActive: boolean;
  hasCredentials: boolean;
  /** Bitrix24: whether the outgoing webhook's application token is stored (events are refused without it). */
  hasApplicationToken: boolean;
  /** amoCRM's carries its secret hidden (HIDDEN_SECRET). */
  inboundWebhookUrl: string;
  createdAt: string;
  lastRun: { id: string; kind: string; status: string; startedAt: string | null; finishedAt: string | null; error: string | null } | null;
};

export async function listSources(db: Db, orgId: string, origin: string): Promise<SourceListItem[]> {
  const rows = await db.select().from(sources).where(eq(sources.orgId, orgId)).orderBy(sources.createdAt);
  const ids = rows.map((row) => row.id);
  const runs = ids.length
    ? await db
        .selectDistinctOn([syncRuns.sourceId])
        .from(syncRuns)
        .where(and(eq(syncRuns.orgId, orgId), inArray(syncRuns.sourceId, ids)))
        .orderBy(syncRuns.sourceId, desc(syncRuns.createdAt))
    : [];
  const lastRun = new Map(runs.map((run) => [run.sourceId, run]));
  return rows.map((row) => {
    const run = lastRun.get(row.id);
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      host: row.baseUrl ? new URL(row.baseUrl).host : null,
      isActive: row.isActive,
      hasCredentials: row.credentials !== null,
      hasApplicationToken: typeof row.settings.applicationToken === "string" && row.settings.applicationToken !== "",
      inboundWebhookUrl: inboundWebhookUrl(origin, row, "hidden"),
      createdAt: row.createdAt.toISOString(),
      lastRun: run
        ? { id: run.id, kind: run.kind, status: run.status, startedAt: run.startedAt?.toISOString() ?? null, finishedAt: run.finishedAt?.toISOString() ?? null, error: run.error }
        : null,
    };
  });
}

export async function getSourceRow(db: Db, orgId: string, id: string) {
  const [row] = await db.select().from(sources).where(and(eq(sources.orgId, orgId), eq(sources.id, id)));
  if (!row) throw new NotFoundError("Source");
  return row;
}

/** Deleting a source deletes everything it brought (the foreign keys cascade). */
export async function deleteSource(db: Db, viewer: Admin, id: string): Promise<void> {
  const row = await getSourceRow(db, viewer.orgId, id);
  await db.transaction(async (tx) => {
    await tx.delete(sources).where(and(eq(sources.orgId, viewer.orgId), eq(sources.id, id)));
    // Its deals, leads and activities went with it; the daily rollups hold sums, so its share of
    // them (and its facts, which have no foreign key) goes now, or dashboards would still count it.
    await refreshSourceFacts(tx, viewer.orgId, id);
  });
  await writeAudit(db, viewer, { action: "source.delete", targetType: "source", targetId: id, details: { kind: row.kind, name: row.name } });
}

export async function updateSource(db: Db, viewer: Admin, id: string, input: UpdateSourceInput): Promise<void> {
  const row = await getSourceRow(db, viewer.orgId, id);
  if (input.applicationToken !== undefined && row.kind !== "bitrix24") {
    throw new ValidationError("Only a Bitrix24 source has an application token", { code: "application_token_bitrix_only", field: "applicationToken" });
  }
  const settings = input.applicationToken !== undefined ? { ...row.settings, applicationToken: input.applicationToken } : row.settings;
  await db
    .update(sources)
    .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.isActive !== undefined ? { isActive: input.isActive } : {}), settings })
    .where(and(eq(sources.orgId, viewer.orgId), eq(sources.id, id)));
  // The token itself never goes into the audit log, only that it changed.
  await writeAudit(db, viewer, {
    action: "source.update",
    targetType: "source",
    targetId: id,
    details: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.isActive !== undefined ? { isActive: input.isActive } : {}), applicationTokenChanged: input.applicationToken !== undefined },
  });
}
