// Site form submissions as leads: each is a row of `leads` (written by applyLeads, so it is stamped
// with its traffic team like any lead) plus its form details, and is matched to the CRM at once
// (lib/forms/match.ts). A matched one drops out of the lead facts: its CRM lead counts instead.
import { sql } from "drizzle-orm";
import { formLeads } from "@/db/schema";
import type { Db } from "@/db/types";
import { matchFormLeads } from "@/lib/forms/match";
import { withFacts } from "./facts";
import { applyLeads } from "./leads";
import { idsByExternalId } from "./refs";
import type { CanonicalLead, SourceRef } from "./types";
import { chunk, textArray } from "./upsert";

export type CanonicalFormLead = {
  lead: CanonicalLead;
  formId: string | null;
  formName: string | null;
  name: string | null;
  phoneRaw: string | null;
  emailRaw: string | null;
  phone: string | null;
  email: string | null;
  contentHash: string;
  receivedAt: Date;
};

/** Writes new submissions (the caller has left out duplicates) and returns their lead ids. */
export async function applyFormLeads(db: Db, source: SourceRef, records: CanonicalFormLead[]): Promise<string[]> {
  if (records.length === 0) return [];
  return withFacts(
    db,
    source.orgId,
    async (tx) => {
      await applyLeads(tx, source, records.map((record) => record.lead));
      const ids = await idsByExternalId(tx, "leads", source.id, records.map((record) => record.lead.externalId));
      const rows = records.flatMap(({ lead, ...details }) => {
        const leadId = ids.get(lead.externalId);
        return leadId ? [{ leadId, orgId: source.orgId, sourceId: source.id, ...details }] : [];
      });
      for (const part of chunk(rows)) await tx.insert(formLeads).values(part).onConflictDoNothing();
      const leadIds = rows.map((row) => row.leadId);
      await matchFormLeads(tx, source.orgId, { leadIds });
      return leadIds;
    },
    (leadIds) => ({ leadIds }),
  );
}

/** When the source received submissions with these content hashes, since `since` (to tell duplicates of posts without `tranid`). */
export async function receivedByHash(db: Db, sourceId: string, hashes: string[], since: Date): Promise<Map<string, Date[]>> {
  const byHash = new Map<string, Date[]>();
  if (hashes.length === 0) return byHash;
  const rows = await db
    .select({ hash: formLeads.contentHash, receivedAt: formLeads.receivedAt })
    .from(formLeads)
    .where(sql`${formLeads.sourceId} = ${sourceId} and ${formLeads.contentHash} = any(${textArray([...new Set(hashes)])}) and ${formLeads.receivedAt} >= ${since.toISOString()}::timestamptz`);
  for (const row of rows) byHash.set(row.hash, [...(byHash.get(row.hash) ?? []), row.receivedAt]);
  return byHash;
}
