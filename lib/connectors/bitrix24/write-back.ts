// Bitrix24 writes: user fields from crm.{deal,contact,lead}.userfield.list (labels only come with
// filter.LANG) plus the standard UTM fields, and `batch` of up to 50 crm.{deal,contact,lead}.update
// (integrations-2.md §3.4–3.5; the lead methods are the deal's, documented alike, docs/write-back.md). A batch answers 200 even when sub-calls fail: each result_error is
// that item's refusal. No feed entry is posted for our writes (REGISTER_SONET_EVENT = N). A new
// field is crm.{deal,contact,lead}.userfield.add (CRM administrators only) with the whole UF_CRM_ name.
import type { WriteBackEntity } from "@/db/schema";
import type { CrmNewField, CrmWritableField, CrmWriteItem, CrmWriteOutcome, CrmWriter } from "../crm-writer";
import { toBracketQuery } from "../http/query-string";
import type { Bitrix24Client } from "./client";
import { subCallError } from "./list";

export const BITRIX24_WRITE_BATCH = 50;
const WRITABLE_TYPES = new Set(["string", "integer", "double", "url", "money", "enumeration"]);
const NEW_FIELD_TYPES: Record<CrmNewField["kind"], string> = { text: "string", decimal: "double", integer: "integer" };
const STANDARD_UTM = ["UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM"];

type B24UserField = { FIELD_NAME?: string; USER_TYPE_ID?: string; EDIT_FORM_LABEL?: string | Record<string, string>; LIST_COLUMN_LABEL?: string | Record<string, string> };

function labelOf(field: B24UserField): string | undefined {
  for (const label of [field.EDIT_FORM_LABEL, field.LIST_COLUMN_LABEL]) {
    const text = typeof label === "string" ? label : label ? (label.ru ?? label.en ?? Object.values(label)[0]) : undefined;
    if (text?.trim()) return text.trim();
  }
  return undefined;
}

export function bitrix24Writer(client: Bitrix24Client): CrmWriter {
  return {
    batchSize: BITRIX24_WRITE_BATCH,
    entities: ["deal", "contact", "lead"],
    async listFields(entity: WriteBackEntity): Promise<CrmWritableField[]> {
      const out: CrmWritableField[] = STANDARD_UTM.map((name) => ({ id: name, name, type: "string" }));
      for await (const page of client.listByOffset<B24UserField>(`crm.${entity}.userfield.list`, { filter: { LANG: "ru" } })) {
        for (const field of page) {
          const type = field.USER_TYPE_ID ?? "string";
          if (field.FIELD_NAME && WRITABLE_TYPES.has(type)) out.push({ id: field.FIELD_NAME, name: labelOf(field) ?? field.FIELD_NAME, type });
        }
      }
      return out;
    },
    async createField(entity: WriteBackEntity, field: CrmNewField): Promise<CrmWritableField> {
      // The whole name is sent: the portal adds UF_CRM_ only when it is missing, and the docs disagree
      // on the length limit (20 or 50 with the prefix), so codes are kept to 20 (docs/write-back.md).
      const fieldName = `UF_CRM_${field.code}`;
      const type = NEW_FIELD_TYPES[field.kind];
      await client.call<number>(
        `crm.${entity}.userfield.add`,
        {
          fields: {
            FIELD_NAME: fieldName, USER_TYPE_ID: type, LABEL: field.name, EDIT_FORM_LABEL: field.name, LIST_COLUMN_LABEL: field.name, LIST_FILTER_LABEL: field.name,
            XML_ID: field.code.toLowerCase(), MULTIPLE: "N", MANDATORY: "N", SHOW_FILTER: "Y", ...(field.kind === "decimal" ? { SETTINGS: { PRECISION: 2 } } : {}),
          },
        },
        { maxAttempts: 1 },
      );
      return { id: fieldName, name: field.name, type };
    },
    async write(entity: WriteBackEntity, items: CrmWriteItem[]): Promise<CrmWriteOutcome[]> {
      const method = `crm.${entity}.update`;
      const commands = Object.fromEntries(
        items.map((item, index) => [`w${index}`, `${method}?${toBracketQuery({ id: item.externalId, fields: item.values, params: { REGISTER_SONET_EVENT: "N" } })}`]),
      );
      const batch = await client.batch(commands);
      return items.map((_, index): CrmWriteOutcome => {
        const refusal = batch.result_error[`w${index}`];
        if (!refusal) return { ok: true };
        const error = subCallError(client, refusal, method);
        return { ok: false, error: error.details.crmWords ?? error.message, retryable: error.retryable };
      });
    },
  };
}
