// Conversation texts (issue 18): newest wins on the CRM's modification time, like activities. A text
// of an activity (a Bitrix24 description, a call's record) belongs to that activity's deal, lead
// and contact as stored; its content hash is the analysis cache key.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { activities, conversationTexts } from "@/db/schema";
import type { Db } from "@/db/types";
import { queueConversationAnalysis } from "@/lib/ai/conversation-jobs";
import { markDeleted } from "./deletes";
import { idsByExternalId } from "./refs";
import { emptyResult, type ApplyResult, type CanonicalConversationText, type SourceRef } from "./types";
import { chunk, lastPerExternalId, tally, textArray, upsertRows } from "./upsert";

const TEXT_COLUMNS = [
  "kind", "dealId", "leadId", "contactId", "companyId", "activityId", "crmUserId", "direction", "occurredAt", "body", "contentHash",
  "recordingUrl", "recordFileId", "durationSeconds", "updatedAt", "deletedAt",
];

/** sha256 of the text as stored: equal texts share one analysis. */
export function contentHashOf(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

const isKept = (r: CanonicalConversationText) => r.body.length > 0 || Boolean(r.recordingUrl) || Boolean(r.recordFileId);

export async function applyConversationTexts(db: Db, source: SourceRef, records: CanonicalConversationText[]): Promise<ApplyResult> {
  const result = emptyResult();
  const latest = lastPerExternalId(records);
  const gone = latest.filter((r) => !isKept(r));
  if (gone.length > 0) result.deleted = (await markDeleted(db, source, "conversationTexts", gone.map((r) => r.externalId))).length;
  for (const part of chunk(latest.filter(isKept))) {
    const existed = new Set((await idsByExternalId(db, "conversationTexts", source.id, part.map((r) => r.externalId))).keys());
    const users = await idsByExternalId(db, "crmUsers", source.id, part.map((r) => r.crmUserExternalId));
    const dealIds = await idsByExternalId(db, "deals", source.id, part.map((r) => r.dealExternalId));
    const leadIds = await idsByExternalId(db, "leads", source.id, part.map((r) => r.leadExternalId));
    const contactIds = await idsByExternalId(db, "contacts", source.id, part.map((r) => r.contactExternalId));
    const companyIds = await idsByExternalId(db, "companies", source.id, part.map((r) => r.companyExternalId));
    const owners = await activityOwners(db, source.id, part.map((r) => r.activityExternalId));
    const ref = (map: Map<string, string>, ext: string | null | undefined) => (ext ? (map.get(ext) ?? null) : null);
    const rows = part.map((r) => {
      const owner = r.activityExternalId ? owners.get(r.activityExternalId) : undefined;
      return {
        orgId: source.orgId,
        sourceId: source.id,
        externalId: r.externalId,
        kind: r.kind,
        dealId: ref(dealIds, r.dealExternalId) ?? owner?.dealId ?? null,
        leadId: ref(leadIds, r.leadExternalId) ?? owner?.leadId ?? null,
        contactId: ref(contactIds, r.contactExternalId) ?? owner?.contactId ?? null,
        companyId: ref(companyIds, r.companyExternalId),
        activityId: owner?.id ?? null,
        crmUserId: ref(users, r.crmUserExternalId) ?? owner?.crmUserId ?? null,
        direction: r.direction ?? null,
        occurredAt: r.occurredAt,
        body: r.body,
        contentHash: contentHashOf(r.body),
        recordingUrl: r.recordingUrl ?? null,
        recordFileId: r.recordFileId ?? null,
        durationSeconds: r.durationSeconds === null || r.durationSeconds === undefined ? null : Math.round(r.durationSeconds),
        updatedAt: r.updatedAt ?? null,
        deletedAt: r.deletedAt ?? null,
      };
    });
    const written = await upsertRows(db, conversationTexts, rows, { target: [conversationTexts.sourceId, conversationTexts.externalId], columns: TEXT_COLUMNS, newestWinsOn: "updatedAt" });
    tally(result, written, existed, part.length);
    // New or changed texts into the analysis queue, in this transaction, when the organisation opted in.
    const bodies = new Map(rows.map((row) => [row.externalId, row.body]));
    await queueConversationAnalysis(db, source.orgId, written.map((row) => ({ id: row.id, body: bodies.get(row.externalId) ?? "" })));
  }
  return result;
}

type Owner = { id: string; dealId: string | null; leadId: string | null; contactId: string | null; crmUserId: string | null };

async function activityOwners(db: Db, sourceId: string, externalIds: (string | null | undefined)[]): Promise<Map<string, Owner>> {
  const wanted = [...new Set(externalIds.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ externalId: activities.externalId, id: activities.id, dealId: activities.dealId, leadId: activities.leadId, contactId: activities.contactId, crmUserId: activities.crmUserId })
    .from(activities)
    .where(and(eq(activities.sourceId, sourceId), sql`${activities.externalId} = any(${textArray(wanted)})`));
  return new Map(rows.map(({ externalId, ...owner }) => [externalId, owner]));
}

/**
 * Texts of the given kind on the given deals that the CRM no longer lists (Bitrix24 timeline
 * comments are read per deal, so a deal read whole proves which of its comments are gone).
 */
export async function markDealTextsGone(db: Db, source: SourceRef, kind: CanonicalConversationText["kind"], dealExternalIds: string[], present: string[], at = new Date()): Promise<number> {
  if (dealExternalIds.length === 0) return 0;
  const dealIds = [...(await idsByExternalId(db, "deals", source.id, dealExternalIds)).values()];
  if (dealIds.length === 0) return 0;
  const rows = await db
    .update(conversationTexts)
    .set({ deletedAt: at, updatedAt: sql`greatest(${conversationTexts.updatedAt}, ${at.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(conversationTexts.sourceId, source.id),
        eq(conversationTexts.kind, kind),
        sql`${conversationTexts.deletedAt} is null`,
        sql`${conversationTexts.dealId} = any(${textArray(dealIds)}::uuid[])`,
        present.length > 0 ? sql`not (${conversationTexts.externalId} = any(${textArray(present)}))` : undefined,
      ),
    )
    .returning({ id: conversationTexts.id });
  return rows.length;
}
