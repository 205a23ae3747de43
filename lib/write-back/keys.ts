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
] as const;
export type WriteBackKey = (typeof WRITE_BACK_KEYS)[number];

/** Deal keys go on the deal (amoCRM: the lead); the customer's figures on the contact. */
export const KEY_ENTITY: Record<WriteBackKey, "deal" | "contact"> = {
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
};

/** Per source: which CRM field each key is written to (none: not written), and whether writing is on. */
export type WriteBackSettings = { isEnabled: boolean; fields: Partial<Record<WriteBackKey, string>> };

export const isWriteBackKey = (key: string): key is WriteBackKey => (WRITE_BACK_KEYS as readonly string[]).includes(key);
