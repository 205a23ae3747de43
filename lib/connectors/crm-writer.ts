// What a CRM connection offers for writing Voronka's conclusions back (docs/write-back.md): its own
// custom fields to choose from, and batched updates. Every request goes through the connection's
// client, i.e. through the one rate limiter of the portal or account that the sync also uses.
import type { WriteBackEntity } from "@/db/schema";

/** One field of the CRM's deals (amoCRM: leads), contacts or (Bitrix24) leads that can take a text or a number. */
export type CrmWritableField = { id: string; name: string; type: string };

/**
 * A field to create in the CRM: the name people see there, a stable code (Bitrix24's FIELD_NAME
 * suffix; amoCRM numbers fields itself) and whether it holds text, a decimal or a whole number.
 */
export type CrmNewField = { name: string; code: string; kind: "text" | "decimal" | "integer" };

/** One record's new values: CRM field → value; "" clears the field. */
export type CrmWriteItem = { externalId: string; values: Record<string, string> };

/** Per item, in the order given: written, or refused with the CRM's words. */
export type CrmWriteOutcome = { ok: true } | { ok: false; error: string; retryable: boolean };

export type CrmWriter = {
  /** Items per request: Bitrix24 `batch` takes 50 commands, amoCRM's PATCH 250 objects. */
  batchSize: number;
  /** The record types this CRM can be written on: Bitrix24 deals, contacts and leads; amoCRM leads (Voronka's deals) and contacts. */
  entities: readonly WriteBackEntity[];
  listFields(entity: WriteBackEntity): Promise<CrmWritableField[]>;
  /** Creates the field in one request, never repeated (a repeat could create it twice); throws the CRM's refusal as a ConnectorError. */
  createField(entity: WriteBackEntity, field: CrmNewField): Promise<CrmWritableField>;
  /** Up to `batchSize` items in one request. Throws a ConnectorError when the whole request failed. */
  write(entity: WriteBackEntity, items: CrmWriteItem[]): Promise<CrmWriteOutcome[]>;
};
