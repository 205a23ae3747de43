// amoCRM writes: custom fields from /api/v4/{leads,contacts}/custom_fields, values by PATCH of an
// array of up to 250 objects (integrations-2.md §2.3). Each object carries request_id = its index,
// which a 400 echoes in `validation-errors`: those objects are refused with amoCRM's words. Whether
// amoCRM applied the rest of such a batch is not documented, so they are sent again (retryable). A new
// field is POST /api/v4/{leads,contacts}/custom_fields with an array of one; the answer holds its id.
import type { WriteBackEntity } from "@/db/schema";
import type { CrmNewField, CrmWritableField, CrmWriteItem, CrmWriteOutcome, CrmWriter } from "../crm-writer";
import { ConnectorProtocolError, ConnectorRequestError } from "../errors";
import type { AmoClient } from "./client";

export const AMO_WRITE_BATCH = 250;
const WRITABLE_TYPES = new Set(["text", "textarea", "numeric", "url", "select", "radiobutton", "tracking_data", "price", "monetary"]);
/** amoCRM's leads are Voronka's deals; it has no separate lead record to write on. */
const PATHS: Record<WriteBackEntity, string | undefined> = { deal: "/api/v4/leads", contact: "/api/v4/contacts", lead: undefined };
function pathOf(entity: WriteBackEntity): string {
  const path = PATHS[entity];
  if (!path) throw new ConnectorRequestError(`amoCRM has no ${entity} record to write on`);
  return path;
}

type AmoField = { id: number; name?: string | null; type?: string | null };
const NEW_FIELD_TYPES: Record<CrmNewField["kind"], string> = { text: "text", decimal: "numeric", integer: "numeric" };

export function amoWriter(client: AmoClient): CrmWriter {
  return {
    batchSize: AMO_WRITE_BATCH,
    entities: ["deal", "contact"],
    async listFields(entity: WriteBackEntity): Promise<CrmWritableField[]> {
      const out: CrmWritableField[] = [];
      for await (const page of client.pages<AmoField>(`${pathOf(entity)}/custom_fields`, {}, "custom_fields")) {
        for (const field of page) {
          const type = field.type ?? "text";
          if (WRITABLE_TYPES.has(type)) out.push({ id: String(field.id), name: field.name?.trim() || `#${field.id}`, type });
        }
      }
      return out;
    },
    async createField(entity: WriteBackEntity, field: CrmNewField): Promise<CrmWritableField> {
      const path = `${pathOf(entity)}/custom_fields`;
      const answer = await client.post<{ _embedded?: { custom_fields?: AmoField[] } }>(path, [{ name: field.name, type: NEW_FIELD_TYPES[field.kind], sort: 510 }], { maxAttempts: 1 });
      const created = answer?._embedded?.custom_fields?.[0];
      if (!created?.id) throw new ConnectorProtocolError(`amoCRM account ${client.host} answered ${path} without the new field's id`, { retryable: false });
      return { id: String(created.id), name: created.name?.trim() || field.name, type: created.type ?? NEW_FIELD_TYPES[field.kind] };
    },
    async write(entity: WriteBackEntity, items: CrmWriteItem[]): Promise<CrmWriteOutcome[]> {
      const body = items.map((item, index) => ({
        id: Number(item.externalId),
        request_id: String(index),
        custom_fields_values: Object.entries(item.values).map(([fieldId, value]) => ({ field_id: Number(fieldId), values: value === "" ? null : [{ value }] })),
      }));
      try {
        await client.patch(pathOf(entity), body);
        return items.map(() => ({ ok: true }));
      } catch (error) {
        const rowErrors = error instanceof ConnectorRequestError ? error.details.rowErrors : undefined;
        if (!rowErrors) throw error;
        return items.map((_, index): CrmWriteOutcome => {
          const refusal = rowErrors[String(index)];
          return refusal ? { ok: false, error: refusal, retryable: false } : { ok: false, error: "Not written: another object of the same batch was refused", retryable: true };
        });
      }
    },
  };
}
