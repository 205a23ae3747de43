// The Voronka values an admin can write into the CRM, and on which record each one lives. Free of
// zod and of the database: the admin page imports it.
export const WRITE_BACK_KEYS = [
  "traffic_team",
  "traffic_confidence",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_content",
  "utm_term",
  "customer_category",
  "customer_ltv",
  "win_probability",
  "lead_traffic_team",
  "lead_traffic_confidence",
  "lead_utm_source",
  "lead_utm_medium",
  "lead_utm_campaign",
  "lead_utm_content",
  "lead_utm_term",
] as const;
export type WriteBackKey = (typeof WRITE_BACK_KEYS)[number];

/** The record types a value can be written on (Bitrix24 has all three; amoCRM's leads are deals). */
export type WriteBackRecord = "deal" | "contact" | "lead";

/** Deal keys go on the deal (amoCRM: the lead); the customer's figures on the contact; lead_* keys on a Bitrix24 lead. */
export const KEY_ENTITY: Record<WriteBackKey, WriteBackRecord> = {
  traffic_team: "deal",
  traffic_confidence: "deal",
  utm_source: "deal",
  utm_medium: "deal",
  utm_campaign: "deal",
  utm_content: "deal",
  utm_term: "deal",
  customer_category: "contact",
  customer_ltv: "contact",
  win_probability: "deal",
  lead_traffic_team: "lead",
  lead_traffic_confidence: "lead",
  lead_utm_source: "lead",
  lead_utm_medium: "lead",
  lead_utm_campaign: "lead",
  lead_utm_content: "lead",
  lead_utm_term: "lead",
};

/** Per source: which CRM field each key is written to (none: not written), and whether writing is on. */
export type WriteBackSettings = { isEnabled: boolean; fields: Partial<Record<WriteBackKey, string>> };

export const isWriteBackKey = (key: string): key is WriteBackKey => (WRITE_BACK_KEYS as readonly string[]).includes(key);
