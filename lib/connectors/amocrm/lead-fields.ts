// The account's lead fields (GET /api/v4/leads/custom_fields, 250 a page, through the client's rate
// limiter), for the field mapping: the fields that can hold a text — tracking data, text, URL and the
// like; a date or a checkbox cannot hold a UTM tag (docs/amocrm-wire.md, "Custom fields and UTM tags").
import type { CrmLeadField } from "../connector";
import type { AmoClient } from "./client";

const TEXT_TYPES = new Set(["tracking_data", "text", "textarea", "url", "select", "radiobutton", "multiselect", "streetaddress"]);

type AmoField = { id: number; name?: string | null; code?: string | null; type?: string | null };

export async function listAmoLeadFields(client: AmoClient): Promise<CrmLeadField[]> {
  const out: CrmLeadField[] = [];
  for await (const page of client.pages<AmoField>("/api/v4/leads/custom_fields", {}, "custom_fields")) {
    for (const field of page) {
      const type = field.type ?? "text";
      if (TEXT_TYPES.has(type)) out.push({ id: field.id, name: field.name?.trim() || `#${field.id}`, code: field.code ?? null, type });
    }
  }
  return out;
}
