// Small readers for Bitrix24's classic wire values: digit strings, "" / "0" / null for "none",
// ISO datetimes with the portal's offset, decimal strings for money (docs/bitrix24-wire.md, "Types, dates and time zones").

export type B24Row = Record<string, unknown>;

/** A link id, or null for the CRM's many spellings of "none" (null, "", "0", 0). */
export function b24Id(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" || text === "0" ? null : text;
}

export function b24Text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** "2024-08-30T14:29:00+02:00" → the instant; "" and unreadable values → null. */
export function b24Date(value: unknown): Date | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "1000000.00" / 19000 / "" → an exact decimal string ("0" when empty); never through a float's rounding. */
export function b24Money(value: unknown): string {
  if (value === null || value === undefined) return "0";
  const text = String(value).trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(text) ? text : "0";
}

export const isYes = (value: unknown) => value === "Y" || value === true || value === "1" || value === 1;

/** The first value of a multifield (PHONE, EMAIL): [{ VALUE, VALUE_TYPE, TYPE_ID }]. */
export function firstMultifield(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  for (const item of value) {
    const text = b24Text((item as B24Row)?.VALUE);
    if (text) return text;
  }
  return null;
}

/** "First Last" as Bitrix24 names a person; falls back to what is there. */
export function personName(row: B24Row, fallback: string): string {
  const parts = [b24Text(row.NAME), b24Text(row.LAST_NAME)].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : (b24Text(row.TITLE) ?? fallback);
}

export type UtmKey = "utmSource" | "utmMedium" | "utmCampaign" | "utmContent" | "utmTerm";

/** Which Bitrix24 fields hold the UTM tags; a source's settings may point some at UF_CRM_* fields. */
export type B24UtmFields = Record<UtmKey, string>;

export const DEFAULT_B24_UTM_FIELDS: B24UtmFields = {
  utmSource: "UTM_SOURCE",
  utmMedium: "UTM_MEDIUM",
  utmCampaign: "UTM_CAMPAIGN",
  utmContent: "UTM_CONTENT",
  utmTerm: "UTM_TERM",
};

/** Reads settings.utmFields as the demo and the admin store it: { utm_source: "UTM_SOURCE", … }. */
export function b24UtmFieldsFromSettings(settings: Record<string, unknown> | null | undefined): B24UtmFields {
  const raw = (settings?.utmFields ?? {}) as Record<string, unknown>;
  const pick = (key: string, fallback: string) => (typeof raw[key] === "string" && raw[key] ? (raw[key] as string) : fallback);
  return {
    utmSource: pick("utm_source", "UTM_SOURCE"),
    utmMedium: pick("utm_medium", "UTM_MEDIUM"),
    utmCampaign: pick("utm_campaign", "UTM_CAMPAIGN"),
    utmContent: pick("utm_content", "UTM_CONTENT"),
    utmTerm: pick("utm_term", "UTM_TERM"),
  };
}

export function readUtm(row: B24Row, fields: B24UtmFields = DEFAULT_B24_UTM_FIELDS) {
  return {
    utmSource: b24Text(row[fields.utmSource]),
    utmMedium: b24Text(row[fields.utmMedium]),
    utmCampaign: b24Text(row[fields.utmCampaign]),
    utmContent: b24Text(row[fields.utmContent]),
    utmTerm: b24Text(row[fields.utmTerm]),
  };
}

/** What the mappers need besides the row: the portal's names for sources and its UTM fields. */
export type B24MapContext = {
  /** SOURCE_ID → its name from crm.status.list ENTITY_ID=SOURCE ("CALL" → "Звонок"). */
  sourceNames?: Map<string, string>;
  utmFields?: B24UtmFields;
  /** When a row has no CURRENCY_ID. */
  defaultCurrency?: string;
};

export function channelOf(row: B24Row, context: B24MapContext): string | null {
  const code = b24Text(row.SOURCE_ID);
  if (!code) return null;
  return context.sourceNames?.get(code) ?? code;
}
