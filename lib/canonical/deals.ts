// Deals: newest wins on the CRM's modification time; a stored deal whose stage changes records a
// stage change (from, to, when, who) unless the caller says the source supplies its own history.
import { and, eq, inArray } from "drizzle-orm";
import { deals, stageChanges } from "@/db/schema";
import { ensureStages, idsByExternalId, loadStageMap, stageKey } from "./refs";
import { emptyResult, type ApplyResult, type CanonicalDeal, type SourceRef } from "./types";
import { storeRawPayloads } from "./raw-payloads";
import { chunk, lastPerExternalId, tally, upsertRows } from "./upsert";
import type { Db } from "@/db/types";
import { assertWithinQuota } from "@/lib/hosted/quotas";
import { withFacts } from "./facts";
import { attributionStamper } from "./attribution";
import { enqueueWonDeals, pickNewlyWonDeals } from "@/lib/notifications/enqueue";
import { kickNotifications } from "@/lib/notifications/kick";
import { enqueueShopStatuses, loadShopLinks } from "@/lib/shop-status/enqueue";

export type ApplyDealsOptions = {
  /**
   * Record stage changes from the difference with the stored deal (webhooks). A sync that reads the
   * CRM's own stage history passes false, so the funnel is not counted twice.
   */
  deriveStageChanges?: boolean;
};

const DEAL_COLUMNS = [
  "title", "pipelineId", "stageId", "amount", "currency", "crmUserId", "contactId", "companyId", "leadId", "channel",
  "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "referrer", "fbclid", "gclid", "yclid", "trafficTeamId", "attributionConfidence", "createdAt", "updatedAt", "closedAt", "deletedAt",
];

export async function applyDeals(db: Db, source: SourceRef, records: CanonicalDeal[], options: ApplyDealsOptions = {}): Promise<ApplyResult> {
  const queuedNotifications: string[] = [];
  const result = await withFacts(db, source.orgId, (tx) => applyDealsUnwrapped(tx, source, records, options, queuedNotifications), (r) => ({ dealIds: r.ids }));
  // Sale messages queued with the deals (lib/notifications): sent once the caller's transaction commits.
  if (queuedNotifications.length > 0) kickNotifications(queuedNotifications);
  return result;
}

async function applyDealsUnwrapped(db: Db, source: SourceRef, records: CanonicalDeal[], options: ApplyDealsOptions, queuedNotifications: string[]): Promise<ApplyResult> {
  const derive = options.deriveStageChanges ?? true;
  const result = emptyResult();
  const attribute = await attributionStamper(db, source.orgId);
  let stageMap = await loadStageMap(db, source.id);
  const shopLinks = await loadShopLinks(db, source.orgId);
  for (const part of chunk(lastPerExternalId(records))) {
    stageMap = await ensureStages(
      db,
      source,
      stageMap,
      part.map((r) => ({ pipelineExternalId: r.pipelineExternalId, stageExternalId: r.stageExternalId, semantic: r.stageSemantic })),
    );
    const stored = await db
      .select({ id: deals.id, externalId: deals.externalId, stageId: deals.stageId, updatedAt: deals.updatedAt })
      .from(deals)
      .where(and(eq(deals.sourceId, source.id), inArray(deals.externalId, part.map((r) => r.externalId))));
    const storedBy = new Map(stored.map((row) => [row.externalId, row]));
    // Hosted mode's deal quota: the batch's new deals must fit, or nothing of the batch is stored.
    await assertWithinQuota(db, source.orgId, "deals", part.filter((r) => !storedBy.has(r.externalId)).length);
    const [users, contactIds, companyIds, leadIds] = await Promise.all([
      idsByExternalId(db, "crmUsers", source.id, part.flatMap((r) => [r.crmUserExternalId, r.movedByExternalId])),
      idsByExternalId(db, "contacts", source.id, part.map((r) => r.contactExternalId)),
      idsByExternalId(db, "companies", source.id, part.map((r) => r.companyExternalId)),
      idsByExternalId(db, "leads", source.id, part.map((r) => r.leadExternalId)),
    ]);
    const ref = (map: Map<string, string>, ext: string | null | undefined) => (ext ? (map.get(ext) ?? null) : null);
    const rows = part.map((r) => ({
      orgId: source.orgId,
      sourceId: source.id,
      externalId: r.externalId,
      title: r.title,
      pipelineId: stageMap.pipelineIds.get(r.pipelineExternalId)!,
      stageId: stageMap.stages.get(stageKey(r.pipelineExternalId, r.stageExternalId))!.id,
      amount: r.amount,
      currency: r.currency,
      crmUserId: ref(users, r.crmUserExternalId),
      contactId: ref(contactIds, r.contactExternalId),
      companyId: ref(companyIds, r.companyExternalId),
      leadId: ref(leadIds, r.leadExternalId),
      channel: r.channel ?? null,
      utmSource: r.utmSource ?? null,
      utmMedium: r.utmMedium ?? null,
      utmCampaign: r.utmCampaign ?? null,
      utmContent: r.utmContent ?? null,
      utmTerm: r.utmTerm ?? null,
      referrer: r.referrer ?? null,
      fbclid: r.fbclid ?? null,
      gclid: r.gclid ?? null,
      yclid: r.yclid ?? null,
      ...attribute(r),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt ?? null,
      closedAt: r.closedAt ?? null,
      deletedAt: r.deletedAt ?? null,
    }));
    const written = await upsertRows(db, deals, rows, { target: [deals.sourceId, deals.externalId], columns: DEAL_COLUMNS, newestWinsOn: "updatedAt" });
    tally(result, written, new Set(storedBy.keys()), part.length);
    await storeRawPayloads(db, source, "deal", part);
    if (shopLinks.length > 0) await enqueueShopStatuses(db, source.orgId, shopLinks, movedDeals(part, rows, written, storedBy));
    queuedNotifications.push(...(await enqueueWonDeals(db, source.orgId, pickNewlyWonDeals(written, rows, storedBy, stageMap))));
    if (derive) await recordDerivedStageChanges(db, source, part, rows, written, storedBy, users);
  }
  return result;
}

/** The written deals with their stage before and after, for the shop's statuses. */
function movedDeals(records: CanonicalDeal[], rows: { externalId: string; stageId: string }[], written: { id: string; externalId: string }[], storedBy: Map<string, { stageId: string }>) {
  const recordBy = new Map(records.map((r) => [r.externalId, r]));
  const stageBy = new Map(rows.map((r) => [r.externalId, r.stageId]));
  return written.map(({ id, externalId }) => ({ id, stageId: stageBy.get(externalId)!, previousStageId: storedBy.get(externalId)?.stageId ?? null, record: recordBy.get(externalId)! }));
}

async function recordDerivedStageChanges(
  db: Db,
  source: SourceRef,
  records: CanonicalDeal[],
  rows: { externalId: string; stageId: string; createdAt: Date; updatedAt: Date | null }[],
  written: { id: string; externalId: string }[],
  storedBy: Map<string, { stageId: string }>,
  users: Map<string, string>,
) {
  const recordBy = new Map(records.map((r) => [r.externalId, r]));
  const rowBy = new Map(rows.map((r) => [r.externalId, r]));
  const changes = [];
  for (const { id, externalId } of written) {
    const row = rowBy.get(externalId)!;
    const before = storedBy.get(externalId);
    if (before && before.stageId === row.stageId) continue;
    const record = recordBy.get(externalId)!;
    // A new deal enters its first stage when created; a moved one at the CRM's move time.
    const changedAt = before ? (record.movedAt ?? row.updatedAt ?? new Date()) : row.createdAt;
    const who = record.movedByExternalId ?? record.crmUserExternalId;
    changes.push({
      orgId: source.orgId,
      sourceId: source.id,
      // Deterministic, so replaying the same update cannot record the move twice.
      externalId: `derived:${externalId}:${row.stageId}:${changedAt.getTime()}`,
      dealId: id,
      fromStageId: before?.stageId ?? null,
      toStageId: row.stageId,
      crmUserId: who ? (users.get(who) ?? null) : null,
      changedAt,
    });
  }
  if (changes.length > 0) await db.insert(stageChanges).values(changes).onConflictDoNothing();
}
