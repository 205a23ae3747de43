import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { findRuleConflicts } from "./conflicts";
import { EXAMPLE_TEAMS, exampleRuleSpecs } from "./example-rules";
import { buildMatcher } from "./matcher";
import { assertValidPattern } from "./pattern";
import type { MatcherRule, MatcherTeam, UtmTags } from "./types";

const team = (id: string, primarySourceCode: string | null, isActive = true): MatcherTeam => ({ id, name: id, primarySourceCode, isActive });
let ruleSeq = 0;
const rule = (teamId: string, field: MatcherRule["field"], match: MatcherRule["match"], pattern: string, priority = 0): MatcherRule => ({
  id: `r${++ruleSeq}-${teamId}-${pattern}`,
  teamId,
  field,
  match,
  pattern,
  priority,
});

const teams = [team("kenesary", "fb_kenesary"), team("muha", "tt_muha"), team("arystan", "ig_arystan"), team("sleeping", "sleep_src", false)];
const rules = [
  rule("kenesary", "utm_campaign", "contains", "tripwire"),
  rule("muha", "utm_campaign", "contains", "запуск"),
  rule("arystan", "utm_campaign", "starts_with", "ast_"),
  rule("arystan", "utm_medium", "equals", "RM_Almaty"),
  rule("kenesary", "utm_content", "regex", "^kab[0-9]+$"),
  rule("muha", "utm_term", "regex", "^онлайн-?курс$"),
  rule("sleeping", "utm_campaign", "contains", "sleep"),
  // Muha's "promo" on utm_term (priority 5) outranks Kenesary's "promo" on utm_source (priority 0).
  rule("kenesary", "utm_source", "contains", "promo"),
  rule("muha", "utm_term", "contains", "promo", 5),
  // Same priority, different fields: utm_source (Arystan) beats utm_campaign (Kenesary).
  rule("arystan", "utm_source", "contains", "insta"),
  rule("kenesary", "utm_campaign", "contains", "insta"),
  // An exact tie: same field, same priority, two teams.
  rule("kenesary", "utm_campaign", "contains", "webinar"),
  rule("muha", "utm_campaign", "contains", "webinar"),
];
const match = buildMatcher(teams, rules);

const cases: { name: string; utm: UtmTags; teamId: string | null; confidence: "high" | "medium" | "low"; conflict?: string[] }[] = [
  { name: "exact primary code", utm: { utmSource: "fb_kenesary", utmCampaign: "запуск" }, teamId: "kenesary", confidence: "high" },
  { name: "primary code ignores case and spaces", utm: { utmSource: " TT_Muha " }, teamId: "muha", confidence: "high" },
  { name: "contains rule", utm: { utmSource: "facebook", utmCampaign: "Spring_TRIPWIRE_1" }, teamId: "kenesary", confidence: "medium" },
  { name: "Cyrillic contains, other case", utm: { utmSource: "vk", utmCampaign: "Запуск_Весна" }, teamId: "muha", confidence: "medium" },
  { name: "starts_with", utm: { utmCampaign: "AST_promo" }, teamId: "arystan", confidence: "medium" },
  { name: "starts_with does not match inside", utm: { utmCampaign: "last_ast_" }, teamId: null, confidence: "low" },
  { name: "equals on utm_medium", utm: { utmMedium: "rm_almaty" }, teamId: "arystan", confidence: "medium" },
  { name: "equals is not contains", utm: { utmMedium: "rm_almaty_2" }, teamId: null, confidence: "low" },
  { name: "regex", utm: { utmContent: "KAB3" }, teamId: "kenesary", confidence: "medium" },
  { name: "regex anchors hold", utm: { utmContent: "kab3x" }, teamId: null, confidence: "low" },
  { name: "Cyrillic regex, other case", utm: { utmTerm: "Онлайн-Курс" }, teamId: "muha", confidence: "medium" },
  { name: "higher priority wins over a more specific field", utm: { utmSource: "promo_src", utmTerm: "promo" }, teamId: "muha", confidence: "medium" },
  { name: "same priority: utm_source beats utm_campaign", utm: { utmSource: "insta_ads", utmCampaign: "insta_stories" }, teamId: "arystan", confidence: "medium" },
  { name: "exact tie is a conflict", utm: { utmCampaign: "webinar_may" }, teamId: "kenesary", confidence: "medium", conflict: ["kenesary", "muha"] },
  { name: "inactive team never matches", utm: { utmSource: "sleep_src", utmCampaign: "sleepy" }, teamId: null, confidence: "low" },
  { name: "nothing matched", utm: { utmSource: "google", utmCampaign: "brand_search" }, teamId: null, confidence: "low" },
  { name: "no tags at all", utm: {}, teamId: null, confidence: "low" },
  { name: "null and empty tags", utm: { utmSource: null, utmCampaign: "" }, teamId: null, confidence: "low" },
];

describe("buildMatcher", () => {
  it.each(cases)("$name", ({ utm, teamId, confidence, conflict }) => {
    const result = match(utm);
    expect({ teamId: result.teamId, confidence: result.confidence }).toEqual({ teamId, confidence });
    expect(result.conflictTeamIds).toEqual(conflict);
    if (confidence === "medium") expect(rules.find((r) => r.id === result.ruleId)?.teamId).toBe(teamId);
    else expect(result.ruleId).toBeUndefined();
  });

  it("skips a stored rule whose regex no longer compiles instead of failing the batch", () => {
    const broken = buildMatcher([team("a", null)], [rule("a", "utm_campaign", "regex", "(unclosed"), rule("a", "utm_campaign", "contains", "ok")]);
    expect(broken({ utmCampaign: "(unclosed" })).toEqual({ teamId: null, confidence: "low" });
    expect(broken({ utmCampaign: "OK" }).teamId).toBe("a");
  });

  it("puts every example keyword on its own team", () => {
    const exampleTeams = EXAMPLE_TEAMS.map((t) => team(t.key, t.primarySourceCode));
    const exampleRules = EXAMPLE_TEAMS.flatMap((t) => exampleRuleSpecs(t.keywords).map((spec, i) => ({ ...spec, id: `${t.key}-${i}`, teamId: t.key })));
    const example = buildMatcher(exampleTeams, exampleRules);
    expect(example({ utmSource: "facebook", utmCampaign: "RM Almaty — весна" }).teamId).toBe("arystan");
    expect(example({ utmSource: "instagram", utmCampaign: "ЗАПУСК_поток" }).teamId).toBe("muha");
    expect(example({ utmSource: "alex_ads" }).teamId).toBe("traf4");
    // 9 + 5 + 9 + 5 = 28 keywords, each on utm_source and utm_campaign = 56 rules.
    expect(exampleRules).toHaveLength(56);
  });
});

describe("findRuleConflicts", () => {
  it("reports the tie between two teams' rules and nothing for rules that cannot collide", () => {
    const found = findRuleConflicts(teams, rules);
    expect(found).toEqual([
      expect.objectContaining({ kind: "rules", teamIds: ["kenesary", "muha"], field: "utm_campaign", priority: 0, example: "webinar" }),
    ]);
  });

  it("finds a keyword inside another team's keyword, equals vs starts_with, a regex that matches a literal and shared primary codes", () => {
    const two = [team("a", "fb"), team("b", "FB"), team("off", "fb", false)];
    const found = findRuleConflicts(two, [
      rule("a", "utm_campaign", "contains", "kenes"),
      rule("b", "utm_campaign", "contains", "Kenesary"),
      rule("a", "utm_source", "equals", "fb_ads"),
      rule("b", "utm_source", "starts_with", "fb"),
      rule("a", "utm_term", "regex", "^z.*z$"),
      rule("b", "utm_term", "equals", "zooz"),
      rule("a", "utm_medium", "contains", "cpc", 1),
      rule("b", "utm_medium", "contains", "cpc", 2),
      rule("off", "utm_campaign", "contains", "kenes"),
    ]);
    expect(found.map((c) => (c.kind === "rules" ? `${c.field}:${c.example}` : `code:${c.code}`))).toEqual([
      "code:FB",
      "utm_campaign:Kenesary",
      "utm_source:fb_ads",
      "utm_term:zooz",
    ]);
  });

  it("finds no conflict among the four example teams", () => {
    const exampleTeams = EXAMPLE_TEAMS.map((t) => team(t.key, t.primarySourceCode));
    const exampleRules = EXAMPLE_TEAMS.flatMap((t) => exampleRuleSpecs(t.keywords).map((spec, i) => ({ ...spec, id: `${t.key}-${i}`, teamId: t.key })));
    expect(findRuleConflicts(exampleTeams, exampleRules)).toEqual([]);
  });
});

describe("assertValidPattern", () => {
  it("refuses a regex that does not compile and an empty pattern, with a readable message", () => {
    expect(() => assertValidPattern("regex", "([a-z]")).toThrow(ValidationError);
    expect(() => assertValidPattern("regex", "([a-z]")).toThrow(
      expect.objectContaining({ code: "pattern_invalid", field: "pattern", params: { details: "Invalid regular expression: /([a-z]/iu: Unterminated group" } }),
    );
    expect(() => assertValidPattern("contains", "  ")).toThrow(expect.objectContaining({ code: "pattern_empty", field: "pattern", message: "The pattern must not be empty" }));
    expect(() => assertValidPattern("regex", "^запуск_\\d+$")).not.toThrow();
  });
});

describe("rules on the referrer and click ids", () => {
  const adTeams = [team("google", null), team("yandex", null), team("seo", null)];
  const adRules = [
    rule("google", "gclid", "regex", "."),
    rule("yandex", "yclid", "regex", "."),
    rule("seo", "referrer", "contains", "google.com"),
    rule("seo", "utm_medium", "equals", "organic"),
  ];
  const ads = buildMatcher(adTeams, adRules);

  it("any gclid is Google Ads, any yclid Yandex Direct; a referrer rule catches the rest", () => {
    expect(ads({ gclid: "Cj0KCQiA-AbC" }).teamId).toBe("google");
    expect(ads({ yclid: "7204611" }).teamId).toBe("yandex");
    expect(ads({ referrer: "https://www.google.com/" }).teamId).toBe("seo");
    expect(ads({ gclid: "", referrer: null })).toEqual({ teamId: null, confidence: "low" });
  });

  it("a UTM rule outranks a click-id rule of the same priority, and a click id outranks the referrer", () => {
    expect(ads({ utmMedium: "organic", gclid: "Cj0KCQiA-AbC" }).teamId).toBe("seo");
    expect(ads({ gclid: "Cj0KCQiA-AbC", referrer: "https://www.google.com/" }).teamId).toBe("google");
  });
});
