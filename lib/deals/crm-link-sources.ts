// What the CRM links of a list of deals need: each source's kind, stored address and reported
// account, read once per page (an organisation has a handful of sources).
import { eq } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import { crmDealUrl, type CrmLinkSource } from "./crm-link";

export async function crmLinkSources(db: Db, orgId: string): Promise<Map<string, CrmLinkSource>> {
  const rows = await db.select({ id: sources.id, kind: sources.kind, baseUrl: sources.baseUrl, crmAccountDomain: sources.crmAccountDomain }).from(sources).where(eq(sources.orgId, orgId));
  return new Map(rows.map(({ id, ...source }) => [id, source]));
}

/** The deal's CRM card address, or null when its source's address is not known. */
export function crmUrlOf(links: Map<string, CrmLinkSource>, deal: { sourceId: string; externalId: string }): string | null {
  const source = links.get(deal.sourceId);
  return source ? crmDealUrl(source, deal.externalId) : null;
}
