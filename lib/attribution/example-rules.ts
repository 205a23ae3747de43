// The four example traffic teams of the seed documents and their keywords: loaded by "Import example
// rules" on the admin page and used by the demo data, so both always agree.
import type { MatcherRule } from "./types";

export type ExampleTeam = {
  key: "kenesary" | "arystan" | "muha" | "traf4";
  name: string;
  color: string;
  emoji: string;
  primarySourceCode: string;
  /** Matched with `contains`, case-insensitively, against utm_source and utm_campaign. */
  keywords: readonly string[];
};

export const EXAMPLE_TEAMS: readonly ExampleTeam[] = [
  {
    key: "kenesary", name: "Kenesary", color: "#e4572e", emoji: "🦅", primarySourceCode: "fb_kenesary",
    keywords: ["tripwire", "nutcab", "kenesary", "nutrients", "kab3", "1day", "pb_agency", "kenji", "kenes"],
  },
  {
    key: "arystan", name: "Arystan", color: "#2f6fed", emoji: "🦁", primarySourceCode: "ig_arystan",
    keywords: ["arystan", "ar_", "ast_", "rm almaty", "rm_almaty"],
  },
  {
    key: "muha", name: "Muha", color: "#17a398", emoji: "🪰", primarySourceCode: "tt_muha",
    keywords: ["onai", "on ai", "запуск", "muha", "yourmarketolog", "maqtakyz", "residence", "yourteam", "tima"],
  },
  {
    key: "traf4", name: "Traf4", color: "#f3a712", emoji: "🚦", primarySourceCode: "traf4",
    keywords: ["alex", "traf4", "proftest", "smmmcwin", "3-1"],
  },
];

export type ExampleRule = Pick<MatcherRule, "field" | "match" | "pattern" | "priority">;

/** Each keyword as a `contains` rule on utm_source and on utm_campaign (in that order), priority 0. */
export function exampleRuleSpecs(keywords: readonly string[]): ExampleRule[] {
  return keywords.flatMap((pattern) => (["utm_source", "utm_campaign"] as const).map((field) => ({ field, match: "contains" as const, pattern, priority: 0 })));
}
