// amoCRM has no lead entity apart from its deals (its API calls them leads): every amoCRM deal is
// also a lead from its creation (DESIGN.md, "Leads"). This writes that lead — the deal's external id,
// manager, contact, UTM tags and times — and links the deal to it, so every lead report counts it.
// A deal carries no channel; a lead that came through "Неразобранное" keeps the inbox category the
// unsorted step gave it. Whether it converted (the qualified stage) is decided in the report facts
// (lib/reports/facts/fact-sql.ts), where the stage history and the source's setting meet.
import { and, eq, sql } from "drizzle-orm";
import { leads } from "@/db/schema";
import { applyDeals, type ApplyDealsOptions } from "./deals";
import { applyLeads } from "./leads";
import type { ApplyResult, CanonicalDeal, CanonicalLead, SourceRef } from "./types";
import { chunk, lastPerExternalId, textArray } from "./upsert";
import type { Db } from "@/db/types";

export async function applyDealsAsLeads(db: Db, source: SourceRef, records: CanonicalDeal[], options: ApplyDealsOptions = {}): Promise<ApplyResult> {
  const channels = new Map<string, string | null>();
  for (const part of chunk(lastPerExternalId(records))) {
    const rows = await db
      .select({ externalId: leads.externalId, channel: leads.channel })
      .from(leads)
      .where(and(eq(leads.sourceId, source.id), sql`${leads.externalId} = any(${textArray(part.map((r) => r.externalId))})`));
    for (const row of rows) channels.set(row.externalId, row.channel);
  }
  await applyLeads(db, source, records.map((deal) => leadOfDeal(deal, channels.get(deal.externalId) ?? null)));
  return applyDeals(db, source, records.map((deal) => ({ ...deal, leadExternalId: deal.externalId })), options);
}

function leadOfDeal(deal: CanonicalDeal, channel: string | null): CanonicalLead {
  return {
    externalId: deal.externalId,
    title: deal.title,
    statusExternalId: deal.stageExternalId,
    // "converted" is the facts' answer (the qualified stage), not a status the CRM sets.
    statusSemantic: "open",
    channel: deal.channel ?? channel,
    utmSource: deal.utmSource,
    utmMedium: deal.utmMedium,
    utmCampaign: deal.utmCampaign,
    utmContent: deal.utmContent,
    utmTerm: deal.utmTerm,
    referrer: deal.referrer,
    fbclid: deal.fbclid,
    gclid: deal.gclid,
    yclid: deal.yclid,
    crmUserExternalId: deal.crmUserExternalId,
    contactExternalId: deal.contactExternalId,
    amount: deal.amount,
    currency: deal.currency,
    createdAt: deal.createdAt,
    updatedAt: deal.updatedAt,
    deletedAt: deal.deletedAt,
  };
}

/**
 * A deleted amoCRM deal takes its lead with it (the facts refresh of the deals refreshes their
 * leads). Only where the lead is the deal itself: a Bitrix24 deal's lead is another entity.
 */
export async function deleteLeadsOfDeals(db: Db, dealIds: string[], at: Date): Promise<void> {
  for (const part of chunk(dealIds)) {
    await db.execute(sql`update leads l set deleted_at = ${at.toISOString()}::timestamptz, updated_at = greatest(l.updated_at, ${at.toISOString()}::timestamptz)
      from deals d join sources s on s.id = d.source_id and s.kind = 'amocrm'
      where d.id = any(${`{${part.join(",")}}`}::uuid[]) and l.id = d.lead_id and l.external_id = d.external_id and l.deleted_at is null`);
  }
}
