// The demo's traffic teams, the UTM tags their ads carry, and how demo rows are attributed to them.
import { buildMatcher, type Matcher } from "@/lib/attribution";
import { EXAMPLE_TEAMS, exampleRuleSpecs, type ExampleTeam } from "@/lib/attribution/example-rules";

export type TeamSpec = ExampleTeam & {
  /** Share of the ad budget. */
  budgetShare: number;
  /** Spend is booked in this currency (Google bills some teams in USD). */
  currency: "KZT" | "USD";
};

const DEMO_BUDGET: Record<ExampleTeam["key"], Pick<TeamSpec, "budgetShare" | "currency">> = {
  kenesary: { budgetShare: 0.33, currency: "KZT" },
  arystan: { budgetShare: 0.24, currency: "KZT" },
  muha: { budgetShare: 0.31, currency: "KZT" },
  traf4: { budgetShare: 0.12, currency: "USD" },
};

/** The example teams of "Import example rules", with the demo's ad budgets. */
export const TEAMS: TeamSpec[] = EXAMPLE_TEAMS.map((team) => ({ ...team, ...DEMO_BUDGET[team.key] }));

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

export type Attribution = { trafficTeamId: string | null; attributionConfidence: "high" | "medium" | "low" };
export type AttributableTeam = { id: string; primarySourceCode: string | null; keywords: readonly string[] };

// The demo attributes its rows with the product's own engine and the example rules, so demo rows
// look exactly as if they had arrived through a sync. One matcher per team list, not per row.
const matchers = new WeakMap<readonly AttributableTeam[], Matcher>();

function matcherFor(teams: readonly AttributableTeam[]): Matcher {
  let matcher = matchers.get(teams);
  if (!matcher) {
    matcher = buildMatcher(
      teams.map((team) => ({ id: team.id, name: team.id, primarySourceCode: team.primarySourceCode, isActive: true })),
      teams.flatMap((team) => exampleRuleSpecs(team.keywords).map((rule, i) => ({ id: `${team.id}:${i}`, teamId: team.id, ...rule }))),
    );
    matchers.set(teams, matcher);
  }
  return matcher;
}

/** high: utm_source is a team's primary code; medium: an example rule matched; low: nothing matched. */
export function attributeUtm(utm: { utmSource?: string | null; utmCampaign?: string | null }, teams: readonly AttributableTeam[]): Attribution {
  const { teamId, confidence } = matcherFor(teams)(utm);
  return { trafficTeamId: teamId, attributionConfidence: confidence };
}
