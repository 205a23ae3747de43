// amoCRM's "Неразобранное" inbox: each item is a lead from its arrival, with the inbox category as
// its channel. The lead row is the one its deal writes (same external id, lib/canonical/deal-leads.ts):
// an item only fills in the channel of a lead already known, or adds the lead when the deals list has
// not shown it. An inbox-only lead that left the inbox without a deal was declined: it is gone.
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { leads } from "@/db/schema";
import { withFacts } from "./facts";
import { emptyResult, type ApplyResult, type CanonicalLead, type SourceRef } from "./types";
import { chunk, lastPerExternalId, tally, textArray, upsertRows } from "./upsert";
import { idsByExternalId } from "./refs";

export async function applyUnsortedLeads(db: Db, source: SourceRef, records: CanonicalLead[]): Promise<ApplyResult> {
  return withFacts(db, source.orgId, (tx) => applyUnwrapped(tx, source, records), (r) => ({ leadIds: r.ids }));
}

async function applyUnwrapped(db: Db, source: SourceRef, records: CanonicalLead[]): Promise<ApplyResult> {
  const result = emptyResult();
  for (const part of chunk(lastPerExternalId(records))) {
    const existed = new Set((await idsByExternalId(db, "leads", source.id, part.map((r) => r.externalId))).keys());
    const rows = part.map((r) => ({
      orgId: source.orgId,
      sourceId: source.id,
      externalId: r.externalId,
      title: r.title,
      statusSemantic: r.statusSemantic,
      channel: r.channel ?? null,
      createdAt: r.createdAt,
      deletedAt: null,
    }));
    // Only the channel (and a wrongly retired inbox lead's life) changes on a known lead: the rest is its deal's.
    const written = await upsertRows(db, leads, rows, { target: [leads.sourceId, leads.externalId], columns: ["channel", "deletedAt"] });
    tally(result, written, existed, part.length);
  }
  return result;
}

/**
 * Marks deleted the source's inbox-only leads (no deal points to them) that are no longer in the
 * inbox. Their modification time is left alone, so the deal of a lead accepted meanwhile brings it back.
 */
export async function retireUnsortedLeads(db: Db, source: SourceRef, inInbox: string[]): Promise<string[]> {
  return withFacts(
    db,
    source.orgId,
    async (tx) => {
      const rows = await selectRows<{ id: string }>(
        tx as Db,
        sql`update leads l set deleted_at = now()
          where l.source_id = ${source.id} and l.deleted_at is null and l.updated_at is null
            and not (l.external_id = any(${textArray(inInbox)}))
            and not exists (select 1 from deals d where d.lead_id = l.id)
          returning l.id`,
      );
      return rows.map((row) => row.id);
    },
    (ids) => ({ leadIds: ids }),
  );
}
