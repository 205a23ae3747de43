// Readers for amoCRM API v4 values: integer ids, unix seconds, custom_fields_values found by
// field_code (ids differ per account) (docs/amocrm-wire.md, "Custom fields and UTM tags").

import { amoFieldReader, readTrafficFields, type AmoFieldReader } from "./field-mapping";

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

/** The first value of the custom field with this code. */
export function customFieldValue(row: AmoRow, code: string): string | null {
  const fields = Array.isArray(row.custom_fields_values) ? (row.custom_fields_values as CustomField[]) : [];
  const field = fields.find((f) => typeof f.field_code === "string" && f.field_code.toUpperCase() === code);
  return amoText(field?.values?.[0]?.value);
}

/** The lead's UTM tags, referrer and click ids, read as the source's field mapping says (field-mapping.ts). */
export function readAmoTraffic(row: AmoRow, reader: AmoFieldReader = amoFieldReader({})) {
  const fields = Array.isArray(row.custom_fields_values) ? (row.custom_fields_values as CustomField[]) : [];
  return readTrafficFields(
    fields.map((f) => ({ id: typeof f.field_id === "number" ? f.field_id : null, code: typeof f.field_code === "string" ? f.field_code : null, value: amoText(f.values?.[0]?.value) })),
    reader,
  );
}

export type AmoMapContext = {
  /** amoCRM budgets carry no currency: the account's (or the organisation's base) currency. */
  currency: string;
  /** Where the UTM tags, referrer and click ids are read from (default: the tracking fields by code). */
  fields?: AmoFieldReader;
};

/** `_embedded[key][0].id` (the main contact first). */
export function embeddedId(row: AmoRow, key: string): string | null {
  const embedded = (row._embedded ?? {}) as Record<string, unknown>;
  const list = Array.isArray(embedded[key]) ? (embedded[key] as AmoRow[]) : [];
  const main = list.find((item) => item.is_main === true) ?? list[0];
  return main ? amoId(main.id) : null;
}
