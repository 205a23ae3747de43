// Leads (Bitrix24's lead entity): newest wins on the CRM's modification time.
import { leads } from "@/db/schema";
import { idsByExternalId } from "./refs";
import { emptyResult, type ApplyResult, type CanonicalLead, type SourceRef } from "./types";
import { storeRawPayloads } from "./raw-payloads";
import { chunk, lastPerExternalId, tally, upsertRows } from "./upsert";
import type { Db } from "@/db/types";
import { withFacts } from "./facts";
import { attributionStamper } from "./attribution";

const LEAD_COLUMNS = [
  "title", "statusExternalId", "statusSemantic", "channel", "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "referrer", "fbclid", "gclid", "yclid", "trafficTeamId", "attributionConfidence",
  "crmUserId", "contactId", "amount", "currency", "createdAt", "updatedAt", "convertedAt", "deletedAt",
];

export async function applyLeads(db: Db, source: SourceRef, records: CanonicalLead[]): Promise<ApplyResult> {
  return withFacts(db, source.orgId, (tx) => applyLeadsUnwrapped(tx, source, records), (r) => ({ leadIds: r.ids }));
}

async function applyLeadsUnwrapped(db: Db, source: SourceRef, records: CanonicalLead[]): Promise<ApplyResult> {
  const result = emptyResult();
  const attribute = await attributionStamper(db, source.orgId);
  for (const part of chunk(lastPerExternalId(records))) {
    const existed = new Set((await idsByExternalId(db, "leads", source.id, part.map((r) => r.externalId))).keys());
    const users = await idsByExternalId(db, "crmUsers", source.id, part.map((r) => r.crmUserExternalId));
    const contactIds = await idsByExternalId(db, "contacts", source.id, part.map((r) => r.contactExternalId));
    const rows = part.map((r) => ({
      orgId: source.orgId,
      sourceId: source.id,
      externalId: r.externalId,
      title: r.title,
      statusExternalId: r.statusExternalId ?? null,
      statusSemantic: r.statusSemantic,
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
      crmUserId: r.crmUserExternalId ? (users.get(r.crmUserExternalId) ?? null) : null,
      contactId: r.contactExternalId ? (contactIds.get(r.contactExternalId) ?? null) : null,
      amount: r.amount ?? null,
      currency: r.currency ?? null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt ?? null,
      convertedAt: r.convertedAt ?? null,
      deletedAt: r.deletedAt ?? null,
    }));
    const written = await upsertRows(db, leads, rows, { target: [leads.sourceId, leads.externalId], columns: LEAD_COLUMNS, newestWinsOn: "updatedAt" });
    tally(result, written, existed, part.length);
    await storeRawPayloads(db, source, "lead", part);
  }
  return result;
}
