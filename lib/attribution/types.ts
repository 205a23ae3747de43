// The shapes the attribution engine works on: plain objects, so the matcher stays pure and testable.
export const UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"] as const;
/** What a rule can read: the UTM tags, then the referrer and the ad networks' click ids. */
export const RULE_FIELDS = [...UTM_FIELDS, "referrer", "fbclid", "gclid", "yclid"] as const;
export const RULE_MATCHES = ["equals", "contains", "starts_with", "regex"] as const;

export type UtmField = (typeof UTM_FIELDS)[number];
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleMatch = (typeof RULE_MATCHES)[number];
export type Confidence = "high" | "medium" | "low";

export type MatcherTeam = { id: string; name: string; primarySourceCode: string | null; isActive: boolean };
export type MatcherRule = { id: string; teamId: string; field: RuleField; match: RuleMatch; pattern: string; priority: number };

/** A lead's or deal's traffic keys (the name stays UtmTags: the UTM tags came first). */
export type UtmTags = {
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  utmContent?: string | null;
  utmTerm?: string | null;
  referrer?: string | null;
  fbclid?: string | null;
  gclid?: string | null;
  yclid?: string | null;
};

/** `conflictTeamIds`: set only when rules of several teams tied exactly for this row. */
export type Attribution = { teamId: string | null; confidence: Confidence; ruleId?: string; conflictTeamIds?: string[] };
export type Matcher = (utm: UtmTags) => Attribution;

/** The field of a rule → the key of the tags object. */
export const FIELD_KEY: Record<RuleField, keyof UtmTags> = {
  utm_source: "utmSource",
  utm_medium: "utmMedium",
  utm_campaign: "utmCampaign",
  utm_content: "utmContent",
  utm_term: "utmTerm",
  referrer: "referrer",
  fbclid: "fbclid",
  gclid: "gclid",
  yclid: "yclid",
};

/**
 * utm_source is the most specific field: a lower rank wins a priority tie. A click id names the ad
 * network the visitor came through, so it ranks after the UTM tags but before the referrer.
 */
export const FIELD_RANK: Record<RuleField, number> = {
  utm_source: 0,
  utm_medium: 1,
  utm_campaign: 2,
  utm_content: 3,
  utm_term: 4,
  gclid: 5,
  yclid: 6,
  fbclid: 7,
  referrer: 8,
};
