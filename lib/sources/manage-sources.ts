// Creating, listing and deleting an organisation's sources. Credentials are encrypted before they
// reach the database and never leave it again; the list shows only what an admin needs, and no
// webhook secret (that is source-secret.ts: shown at creation, then on an audited Reveal or Rotate).
import { assertWithinQuota } from "@/lib/hosted/quotas";
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { sources, syncRuns, type SourceKind } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { refreshSourceFacts } from "@/lib/reports/facts/refresh";
import { matchWindowOf } from "@/lib/forms/match-window";
import { formLeadsReachingSource, rematchFormLeads, rematchReleasedFormLeads } from "@/lib/forms/match";
import { writeAudit } from "@/lib/audit";
import { describeKind } from "@/lib/connectors/descriptors";
import { connectorFor } from "@/lib/connectors/registry";
import { sealCredentials } from "./credentials";
import { inboundWebhookUrl } from "./inbound-url";
import { loadSourceHealth, type SourceHealth } from "./source-health";
import { checkConnection, rememberCheck, SourceCheckFailedError } from "./check-connection";
import { checkOnlyClient, type ClientDeps } from "./clients";
import { listQualifiedStageChoices, saveQualifiedStages, type QualifiedStageChoice } from "./qualified-stages";
import type { AddSourceInput, UpdateSourceInput } from "./schemas";

type Admin = Pick<Viewer, "orgId" | "userId">;

/** 24 random bytes: amoCRM's path secret, a shop's signing key. */
export const newWebhookSecret = () => randomBytes(24).toString("base64url");

/**
 * Adds a source. A CRM's connection is checked first, with the credentials as given: when the check
 * fails nothing is stored (SourceCheckFailedError, 422). An admin may choose `saveUntested` (the CRM
 * is down for maintenance, say): then nothing is checked, and the source's health says so.
 */
export async function createSource(db: Db, viewer: Admin, input: AddSourceInput, origin: string, deps: ClientDeps = {}) {
  // A quick refusal before the CRM is asked; checked again, locked, with the insert.
  await assertWithinQuota(db, viewer.orgId, "sources");
  const connector = connectorFor(input.kind);
  const { baseUrl, credentials, settings } = connector.stored(input);
  // Sealed before the check and the insert: without ENCRYPTION_KEY this throws and nothing is stored.
  const sealed = credentials ? sealCredentials(credentials) : null;
  const check = credentials && baseUrl && connector.crm && !input.saveUntested ? await checkConnection(checkOnlyClient(input.kind, baseUrl, credentials, deps)) : null;
  if (check && !check.ok) throw new SourceCheckFailedError(check);
  const webhookSecret = newWebhookSecret();
  const row = await db.transaction(async (tx) => {
    await assertWithinQuota(tx, viewer.orgId, "sources");
    const [created] = await tx
      .insert(sources)
      .values({ orgId: viewer.orgId, kind: input.kind, name: input.name, baseUrl, credentials: sealed, webhookSecret, settings })
      .returning();
    return created;
  });
  if (check) await rememberCheck(db, row.id, check);
  await writeAudit(db, viewer, { action: "source.create", targetType: "source", targetId: row.id, details: { kind: row.kind, name: row.name, host: baseUrl ? new URL(baseUrl).host : null, checked: check?.ok ?? null } });
  return {
    id: row.id,
    /** Who the CRM says we are; null for a shop or a source saved untested. */
    check,
    // The only answer that carries the secret unasked: amoCRM's in its address, the shop's to sign with (HMAC-SHA256 of the body).
    inboundWebhookUrl: inboundWebhookUrl(origin, row, "shown"),
    ...(connector.descriptor.signsBodies ? { signingSecret: row.webhookSecret } : {}),
  };
}

export type SourceListItem = {
  id: string;
  kind: SourceKind;
  name: string;
  host: string | null;
  isActive: boolean;
  hasCredentials: boolean;
  /** Bitrix24: whether the outgoing webhook's application token is stored (events are refused without it). */
  hasApplicationToken: boolean;
  /** amoCRM's carries its secret hidden (HIDDEN_SECRET). */
  inboundWebhookUrl: string;
  /** amoCRM: per pipeline, the stage that makes a lead converted (null: won) and the stages to choose from. */
  qualifiedStages?: QualifiedStageChoice[];
  /** A site form: the days a CRM lead may be created before or after a submission and still match it. */
  matchWindowDays?: number;
  /** amoCRM: the admin chooses which lead fields hold the UTM tags (GET/PUT /api/sources/:id/field-mapping). */
  mapsTrafficFields: boolean;
  createdAt: string;
  lastRun: { id: string; kind: string; status: string; startedAt: string | null; finishedAt: string | null; error: string | null } | null;
  /** Red, amber or green, with what went wrong (source-health.ts). */
  health: SourceHealth;
};

export async function listSources(db: Db, orgId: string, origin: string, now = new Date()): Promise<SourceListItem[]> {
  const rows = await db.select().from(sources).where(eq(sources.orgId, orgId)).orderBy(sources.createdAt);
  const health = await loadSourceHealth(db, orgId, now);
  const ids = rows.map((row) => row.id);
  const runs = ids.length
    ? await db
        .selectDistinctOn([syncRuns.sourceId])
        .from(syncRuns)
        .where(and(eq(syncRuns.orgId, orgId), inArray(syncRuns.sourceId, ids)))
        .orderBy(syncRuns.sourceId, desc(syncRuns.createdAt))
    : [];
  const lastRun = new Map(runs.map((run) => [run.sourceId, run]));
  const qualified = await listQualifiedStageChoices(db, rows);
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
      ...(describeKind(row.kind).choosesQualifiedStages ? { qualifiedStages: qualified.get(row.id) ?? [] } : {}),
      ...(describeKind(row.kind).hasMatchWindow ? { matchWindowDays: matchWindowOf(row.settings) } : {}),
      mapsTrafficFields: describeKind(row.kind).mapsTrafficFields,
      createdAt: row.createdAt.toISOString(),
      lastRun: run
        ? { id: run.id, kind: run.kind, status: run.status, startedAt: run.startedAt?.toISOString() ?? null, finishedAt: run.finishedAt?.toISOString() ?? null, error: run.error }
        : null,
      health: health.get(row.id)!,
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
    const released = await formLeadsReachingSource(tx, id);
    await tx.delete(sources).where(and(eq(sources.orgId, viewer.orgId), eq(sources.id, id)));
    // Its deals, leads and activities went with it; the daily rollups hold sums, so its share of
    // them (and its facts, which have no foreign key) goes now, or dashboards would still count it.
    await refreshSourceFacts(tx, viewer.orgId, id);
    // Site form submissions that had reached it are lost again, unless another CRM has them.
    await rematchReleasedFormLeads(tx, viewer.orgId, released);
  });
  await writeAudit(db, viewer, { action: "source.delete", targetType: "source", targetId: id, details: { kind: row.kind, name: row.name } });
}

export async function updateSource(db: Db, viewer: Admin, id: string, input: UpdateSourceInput): Promise<void> {
  const row = await getSourceRow(db, viewer.orgId, id);
  if (input.applicationToken !== undefined && !describeKind(row.kind).needsApplicationToken) {
    throw new ValidationError("Only a Bitrix24 source has an application token", { code: "application_token_bitrix_only", field: "applicationToken" });
  }
  if (input.qualifiedStages !== undefined) row.settings = { ...row.settings, qualifiedStages: await saveQualifiedStages(db, row, input.qualifiedStages) };
  if (input.matchWindowDays !== undefined) {
    if (!describeKind(row.kind).hasMatchWindow) throw new ValidationError("Only a site form source has a match window", { code: "match_window_form_only", field: "matchWindowDays" });
    row.settings = { ...row.settings, matchWindowDays: input.matchWindowDays };
  }
  const settings = input.applicationToken !== undefined ? { ...row.settings, applicationToken: input.applicationToken } : row.settings;
  await db
    .update(sources)
    .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.isActive !== undefined ? { isActive: input.isActive } : {}), settings })
    .where(and(eq(sources.orgId, viewer.orgId), eq(sources.id, id)));
  // A wider window may reach CRM leads the submissions missed before; a narrower one keeps the
  // matches made (a match is a fact about the past, not re-judged).
  if (input.matchWindowDays !== undefined) await rematchFormLeads(db, viewer.orgId);
  // The token itself never goes into the audit log, only that it changed.
  await writeAudit(db, viewer, {
    action: "source.update",
    targetType: "source",
    targetId: id,
    details: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.isActive !== undefined ? { isActive: input.isActive } : {}), applicationTokenChanged: input.applicationToken !== undefined, ...(input.qualifiedStages !== undefined ? { qualifiedStages: input.qualifiedStages } : {}), ...(input.matchWindowDays !== undefined ? { matchWindowDays: input.matchWindowDays } : {}) },
  });
}
