// Which amoCRM lead fields hold the UTM tags, the referrer and the click ids, per source
// (`settings.fieldMapping`: key → field ids, in the order the admin put them). Accounts often carry
// the same tag twice (a tracking field and an older text field): the first field with a value wins.
// A key the admin has not mapped reads amoCRM's tracking-data fields by code (docs/amocrm-wire.md,
// "Custom fields and UTM tags"); field ids differ per account, codes do not.
import { RULE_FIELDS, FIELD_KEY, type RuleField, type UtmTags } from "@/lib/attribution/types";

export const TRAFFIC_KEYS = RULE_FIELDS;
export type TrafficKey = RuleField;
export type AmoFieldMapping = Partial<Record<TrafficKey, number[]>>;

/** More than this many fields for one tag is a mistake, not an account. */
export const MAX_FIELDS_PER_KEY = 10;

/**
 * The tracking-data codes read for a key nobody mapped. GCLID, YCLID and UTM_REFERRER are codes seen
 * in real accounts; FBCLID and REFERRER are not confirmed (the reference marks them so) and are read
 * in case an account has them — an absent code simply reads nothing.
 */
export const DEFAULT_FIELD_CODES: Record<TrafficKey, string[]> = {
  utm_source: ["UTM_SOURCE"],
  utm_medium: ["UTM_MEDIUM"],
  utm_campaign: ["UTM_CAMPAIGN"],
  utm_content: ["UTM_CONTENT"],
  utm_term: ["UTM_TERM"],
  referrer: ["UTM_REFERRER", "REFERRER"],
  fbclid: ["FBCLID"],
  gclid: ["GCLID"],
  yclid: ["YCLID"],
};

/** Where one key is read from, in order: field ids or tracking codes. */
type Selector = { id: number } | { code: string };
export type AmoFieldReader = Record<TrafficKey, Selector[]>;

/** One custom field of a lead as both the REST API and webhooks carry it. */
export type AmoFieldValue = { id: number | null; code: string | null; value: string | null };

const positiveIds = (raw: unknown): number[] =>
  (Array.isArray(raw) ? raw : [raw]).map(Number).filter((id) => Number.isInteger(id) && id > 0);

/**
 * The stored mapping, made into selectors. `utmFields` ({ utm_source: id }) is the older, one-field
 * setting the demo still writes: it is read after the tracking code, as before the mapping existed.
 */
export function amoFieldReader(settings: Record<string, unknown> | null | undefined): AmoFieldReader {
  const mapping = fieldMappingOf(settings);
  const legacy = (settings?.utmFields ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    TRAFFIC_KEYS.map((key): [TrafficKey, Selector[]] => {
      const ids = mapping[key];
      if (ids && ids.length > 0) return [key, ids.map((id) => ({ id }))];
      return [key, [...DEFAULT_FIELD_CODES[key].map((code) => ({ code })), ...positiveIds(legacy[key]).map((id) => ({ id }))]];
    }),
  ) as AmoFieldReader;
}

/** `settings.fieldMapping` as stored (validated on the way in; read defensively all the same). */
export function fieldMappingOf(settings: Record<string, unknown> | null | undefined): AmoFieldMapping {
  const raw = settings?.fieldMapping;
  if (!raw || typeof raw !== "object") return {};
  const out: AmoFieldMapping = {};
  for (const key of TRAFFIC_KEYS) {
    const ids = positiveIds((raw as Record<string, unknown>)[key] ?? []);
    if (ids.length > 0) out[key] = ids;
  }
  return out;
}

/** The lead's traffic keys: per key, the first selected field that has a value. */
export function readTrafficFields(fields: AmoFieldValue[], reader: AmoFieldReader): Required<UtmTags> {
  const out = {} as Required<UtmTags>;
  for (const key of TRAFFIC_KEYS) {
    let value: string | null = null;
    for (const selector of reader[key]) {
      const field = "id" in selector ? fields.find((f) => f.id === selector.id) : fields.find((f) => f.code?.toUpperCase() === selector.code);
      if (field?.value) {
        value = field.value;
        break;
      }
    }
    out[FIELD_KEY[key]] = value;
  }
  return out;
}
