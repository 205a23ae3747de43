// Which shop order a deal belongs to: the order number the deal carries — in a field the admin
// maps (read from the record as the CRM sent it, so any field works without a re-sync), or else in
// its title («Заказ №1042», «Order #1042», or the bare number).
import type { RawPayload } from "@/lib/canonical/types";

type DealLike = { title: string; raw?: RawPayload };

export function orderNumberOfDeal(deal: DealLike, linkField: string | null): string | null {
  if (!linkField) return numberInTitle(deal.title);
  const payload = deal.raw?.payload;
  return payload ? textOf(fieldValue(payload, linkField)) : null;
}

function numberInTitle(title: string): string | null {
  const marked = /[№#]\s*([\p{L}\p{N}][\p{L}\p{N}_/-]*)/u.exec(title);
  if (marked) return marked[1];
  const bare = title.trim();
  return /^[\p{L}\p{N}_/-]{1,100}$/u.test(bare) ? bare : null;
}

/**
 * A top-level field (Bitrix24 `UF_CRM_…`, amoCRM `price`), else an amoCRM custom field by code,
 * name or id: `custom_fields_values` in REST records, `custom_fields` in webhooks (lists as objects).
 */
function fieldValue(payload: Record<string, unknown>, field: string): unknown {
  if (field in payload) return payload[field];
  for (const list of [payload.custom_fields_values, payload.custom_fields]) {
    for (const entry of valuesOf(list)) {
      if (typeof entry !== "object" || entry === null) continue;
      const f = entry as Record<string, unknown>;
      const names = [f.field_code, f.field_name, f.field_id, f.code, f.name, f.id].map((v) => (v === undefined || v === null ? null : String(v)));
      if (!names.includes(field)) continue;
      const first = valuesOf(f.values)[0];
      return typeof first === "object" && first !== null ? (first as Record<string, unknown>).value : first;
    }
  }
  return null;
}

function valuesOf(list: unknown): unknown[] {
  if (Array.isArray(list)) return list;
  return typeof list === "object" && list !== null ? Object.values(list) : [];
}

function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/^[№#]\s*/, "");
  return text === "" ? null : text;
}
