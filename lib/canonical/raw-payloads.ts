// Keeps what the CRM sent (crm_payloads, issue 19): one row per record, the newest version by the
// CRM's modification time, written beside the canonical row by every apply (sync and webhooks alike).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import type { RawPayload, SourceRef } from "./types";

export type PayloadEntity = "deal" | "lead" | "contact" | "company" | "activity";

type WithRaw = { externalId: string; raw?: RawPayload; updatedAt?: Date | null };

/** PostgreSQL's jsonb refuses the NUL character; a CRM text that holds one is kept without it. */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

/**
 * Upserts the raw payloads of one chunk of records (those that carry one). A payload is replaced
 * only by one at least as new and actually different, so replaying a batch writes nothing.
 */
export async function storeRawPayloads(db: Db, source: SourceRef, entity: PayloadEntity, records: readonly WithRaw[]): Promise<void> {
  const rows = records.flatMap((r) =>
    r.raw ? [{ external_id: r.externalId, origin: r.raw.origin, payload: r.raw.payload, crm_updated_at: r.updatedAt?.toISOString() ?? null }] : [],
  );
  if (rows.length === 0) return;
  // One JSON parameter for the chunk, as upsertRows does (a VALUES list costs more CPU than the insert).
  await db.execute(sql`insert into crm_payloads (org_id, source_id, entity, external_id, origin, payload, crm_updated_at)
    select ${source.orgId}::uuid, ${source.id}::uuid, ${entity}::crm_payload_entity, v.external_id, v.origin::crm_payload_origin, v.payload, v.crm_updated_at
    from jsonb_to_recordset(${JSON.stringify(rows, withoutNul)}::jsonb) as v(external_id text, origin text, payload jsonb, crm_updated_at timestamptz)
    on conflict (org_id, source_id, entity, external_id) do update
      set origin = excluded.origin, payload = excluded.payload, crm_updated_at = excluded.crm_updated_at, stored_at = now()
      where (crm_payloads.crm_updated_at is null or excluded.crm_updated_at is null or excluded.crm_updated_at >= crm_payloads.crm_updated_at)
        and (crm_payloads.payload, crm_payloads.origin) is distinct from (excluded.payload, excluded.origin)`);
}
