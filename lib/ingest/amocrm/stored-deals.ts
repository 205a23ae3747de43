// What is stored of the leads a webhook names, so a partial hook (no contact link, no channel, a
// Digital Pipeline hook with the stage only) fills its gaps from the row instead of blanking it.
import { and, eq, inArray } from "drizzle-orm";
import { companies, contacts, crmUsers, deals, leads, pipelines, stages } from "@/db/schema";
import type { Tx } from "@/db/types";
import type { CanonicalDeal } from "@/lib/canonical/types";

export type StoredDeal = CanonicalDeal & { deletedAt: Date | null };

export async function loadStoredDeals(tx: Tx, sourceId: string, externalIds: string[]): Promise<Map<string, StoredDeal>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx
    .select({
      deal: deals,
      pipeline: pipelines.externalId,
      stage: stages.externalId,
      semantic: stages.semantic,
      contact: contacts.externalId,
      company: companies.externalId,
      lead: leads.externalId,
      manager: crmUsers.externalId,
    })
    .from(deals)
    .innerJoin(pipelines, eq(pipelines.id, deals.pipelineId))
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(leads, eq(leads.id, deals.leadId))
    .leftJoin(crmUsers, eq(crmUsers.id, deals.crmUserId))
    .where(and(eq(deals.sourceId, sourceId), inArray(deals.externalId, externalIds)));
  return new Map(
    rows.map(({ deal, pipeline, stage, semantic, contact, company, lead, manager }) => [
      deal.externalId,
      {
        externalId: deal.externalId,
        title: deal.title,
        pipelineExternalId: pipeline,
        stageExternalId: stage,
        stageSemantic: semantic,
        amount: deal.amount,
        currency: deal.currency,
        crmUserExternalId: manager,
        contactExternalId: contact,
        companyExternalId: company,
        leadExternalId: lead,
        channel: deal.channel,
        utmSource: deal.utmSource,
        utmMedium: deal.utmMedium,
        utmCampaign: deal.utmCampaign,
        utmContent: deal.utmContent,
        utmTerm: deal.utmTerm,
        referrer: deal.referrer,
        fbclid: deal.fbclid,
        gclid: deal.gclid,
        yclid: deal.yclid,
        createdAt: deal.createdAt,
        updatedAt: deal.updatedAt,
        closedAt: deal.closedAt,
        deletedAt: deal.deletedAt,
      },
    ]),
  );
}
