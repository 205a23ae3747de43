// Readers for amoCRM API v4 values: integer ids, unix seconds, custom_fields_values found by
// field_code (ids differ per account) (docs/amocrm-wire.md, "Custom fields and UTM tags").

export type AmoRow = Record<string, unknown>;

export const AMO_WON_STATUS = 142;
export const AMO_LOST_STATUS = 143;

export function amoId(value: unknown): string | null {
  if (value === null || value === undefined || value === "" || value === 0 || value === "0") return null;
  return String(value);
}

/** Unix seconds → instant; null/0 → null. */
export function amoDate(value: unknown): Date | null {
  const seconds = typeof value === "string" ? Number(value) : value;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000);
}

export function amoText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

type CustomField = { field_id?: number; field_code?: string | null; field_name?: string | null; values?: { value?: unknown }[] | null };

/** The first value of the custom field with this code (or one of these field ids). */
export function customFieldValue(row: AmoRow, code: string, fieldIds: number[] = []): string | null {
  const fields = Array.isArray(row.custom_fields_values) ? (row.custom_fields_values as CustomField[]) : [];
  const field =
    fields.find((f) => typeof f.field_code === "string" && f.field_code.toUpperCase() === code) ??
    fields.find((f) => f.field_id !== undefined && fieldIds.includes(f.field_id));
  return amoText(field?.values?.[0]?.value);
}

export type AmoUtmFieldIds = Partial<Record<"utm_source" | "utm_medium" | "utm_campaign" | "utm_content" | "utm_term", number>>;

/** UTM tags from tracking_data fields by field_code, else by the field ids a source's settings name. */
export function readAmoUtm(row: AmoRow, fieldIds: AmoUtmFieldIds = {}) {
  const read = (code: string, key: keyof AmoUtmFieldIds) => customFieldValue(row, code, fieldIds[key] !== undefined ? [fieldIds[key]!] : []);
  return {
    utmSource: read("UTM_SOURCE", "utm_source"),
    utmMedium: read("UTM_MEDIUM", "utm_medium"),
    utmCampaign: read("UTM_CAMPAIGN", "utm_campaign"),
    utmContent: read("UTM_CONTENT", "utm_content"),
    utmTerm: read("UTM_TERM", "utm_term"),
  };
}

/** settings.utmFields as the demo stores it for amoCRM: { utm_source: 1184201, … } (field ids). */
export function amoUtmFieldIdsFromSettings(settings: Record<string, unknown> | null | undefined): AmoUtmFieldIds {
  const raw = (settings?.utmFields ?? {}) as Record<string, unknown>;
  const out: AmoUtmFieldIds = {};
  for (const key of ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"] as const) {
    const value = Number(raw[key]);
    if (Number.isInteger(value) && value > 0) out[key] = value;
  }
  return out;
}

export type AmoMapContext = {
  /** amoCRM budgets carry no currency: the account's (or the organisation's base) currency. */
  currency: string;
  utmFieldIds?: AmoUtmFieldIds;
};

/** `_embedded[key][0].id` (the main contact first). */
export function embeddedId(row: AmoRow, key: string): string | null {
  const embedded = (row._embedded ?? {}) as Record<string, unknown>;
  const list = Array.isArray(embedded[key]) ? (embedded[key] as AmoRow[]) : [];
  const main = list.find((item) => item.is_main === true) ?? list[0];
  return main ? amoId(main.id) : null;
}
