// The demo's traffic teams, the UTM tags their ads carry, and a tiny attribution function used
// only while generating demo rows. The real attribution engine (lib/attribution) replaces it.

export type TeamSpec = {
  key: string;
  name: string;
  color: string;
  emoji: string;
  primarySourceCode: string;
  /** Matched with `contains`, case-insensitively, against utm_source and utm_campaign. */
  keywords: string[];
  /** Share of the ad budget. */
  budgetShare: number;
  /** Spend is booked in this currency (Google bills some teams in USD). */
  currency: "KZT" | "USD";
};

export const TEAMS: TeamSpec[] = [
  {
    key: "kenesary", name: "Kenesary", color: "#e4572e", emoji: "🦅", primarySourceCode: "fb_kenesary", budgetShare: 0.33, currency: "KZT",
    keywords: ["tripwire", "nutcab", "kenesary", "nutrients", "kab3", "1day", "pb_agency", "kenji", "kenes"],
  },
  {
    key: "arystan", name: "Arystan", color: "#2f6fed", emoji: "🦁", primarySourceCode: "ig_arystan", budgetShare: 0.24, currency: "KZT",
    keywords: ["arystan", "ar_", "ast_", "rm almaty", "rm_almaty"],
  },
  {
    key: "muha", name: "Muha", color: "#17a398", emoji: "🪰", primarySourceCode: "tt_muha", budgetShare: 0.31, currency: "KZT",
    keywords: ["onai", "on ai", "запуск", "muha", "yourmarketolog", "maqtakyz", "residence", "yourteam", "tima"],
  },
  {
    key: "traf4", name: "Traf4", color: "#f3a712", emoji: "🚦", primarySourceCode: "traf4", budgetShare: 0.12, currency: "USD",
    keywords: ["alex", "traf4", "proftest", "smmmcwin", "3-1"],
  },
];

export type UtmTags = { utmSource: string; utmMedium: string; utmCampaign: string; utmContent: string | null; utmTerm: string | null };
type TagSet = Omit<UtmTags, "utmContent" | "utmTerm"> & { team: string | null; weight: number };

const tag = (utmSource: string, utmMedium: string, utmCampaign: string, team: string | null, weight: number): TagSet => ({
  utmSource, utmMedium, utmCampaign, team, weight,
});

/** What ads and links carry; `team` is the team each set is meant to land on (checked by a test). */
export const TAG_SETS: TagSet[] = [
  tag("fb_kenesary", "cpc", "tripwire_nutcab", "kenesary", 9),
  tag("fb_kenesary", "cpc", "kab3_leadform", "kenesary", 6),
  tag("facebook", "paid", "nutrients_1day", "kenesary", 4),
  tag("instagram", "stories", "kenji_reels", "kenesary", 3),
  tag("pb_agency", "cpc", "spring_sale", "kenesary", 2),
  tag("ig_arystan", "cpc", "rm_almaty_leads", "arystan", 7),
  tag("instagram", "target", "ast_promo", "arystan", 4),
  tag("facebook", "cpc", "RM Almaty — весна", "arystan", 3),
  tag("arystan", "cpm", "brand", "arystan", 2),
  tag("tt_muha", "cpc", "onai_webinar", "muha", 6),
  tag("instagram", "target", "Запуск_поток", "muha", 4),
  tag("yourmarketolog", "cpc", "residence", "muha", 3),
  tag("facebook", "cpc", "maqtakyz_lookalike", "muha", 2),
  tag("traf4", "cpc", "proftest_3-1", "traf4", 5),
  tag("google", "cpc", "proftest_search", "traf4", 3),
  tag("instagram", "cpc", "smmmcwin", "traf4", 2),
  tag("alex_ads", "cpc", "retarget", "traf4", 2),
  tag("google", "cpc", "brand_search", null, 5),
  tag("yandex", "cpc", "poisk_kz", null, 3),
  tag("2gis", "referral", "card", null, 2),
  tag("newsletter", "email", "promo_weekly", null, 2),
  tag("telegram", "social", "channel_post", null, 2),
];

export type Attribution = { trafficTeamId: string | null; attributionConfidence: "high" | "medium" | "low" | null };
export type AttributableTeam = { id: string; primarySourceCode: string | null; keywords: readonly string[] };

/**
 * high: utm_source is a team's primary code; medium: a team keyword is contained in utm_source or
 * utm_campaign; low (no team): tags that match nothing; null: no tags at all.
 */
export function attributeUtm(
  utm: { utmSource?: string | null; utmCampaign?: string | null },
  teams: readonly AttributableTeam[],
): Attribution {
  const source = utm.utmSource?.toLowerCase() ?? "";
  const campaign = utm.utmCampaign?.toLowerCase() ?? "";
  if (!source && !campaign) return { trafficTeamId: null, attributionConfidence: null };
  const primary = teams.find((team) => team.primarySourceCode && team.primarySourceCode.toLowerCase() === source);
  if (primary) return { trafficTeamId: primary.id, attributionConfidence: "high" };
  const contained = teams.find((team) =>
    team.keywords.some((keyword) => source.includes(keyword.toLowerCase()) || campaign.includes(keyword.toLowerCase())),
  );
  if (contained) return { trafficTeamId: contained.id, attributionConfidence: "medium" };
  return { trafficTeamId: null, attributionConfidence: "low" };
}
