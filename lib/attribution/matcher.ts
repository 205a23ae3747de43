// The attribution engine: built once from an organisation's teams and rules, then applied to any
// number of leads and deals. Pure — no database — so the rules are tested by a table of UTM tags.
import { compilePattern, fold, type PatternTest } from "./pattern";
import { FIELD_KEY, FIELD_RANK, type Attribution, type Matcher, type MatcherRule, type MatcherTeam, type UtmTags } from "./types";

type CompiledRule = MatcherRule & { test: PatternTest; teamName: string };

/**
 * high: utm_source equals an active team's primary source code; medium: the best rule matched —
 * higher priority first, then the more specific field (utm_source … utm_term); low: nothing did.
 * When the best matches belong to two teams (an exact tie) the first team by name gets the row and
 * `conflictTeamIds` names all of them, so the tie can be shown instead of silently decided.
 */
export function buildMatcher(teams: readonly MatcherTeam[], rules: readonly MatcherRule[]): Matcher {
  const active = new Map(teams.filter((team) => team.isActive).map((team) => [team.id, team]));
  const primary = new Map<string, string>();
  for (const team of [...active.values()].sort(byName)) {
    const code = team.primarySourceCode?.trim();
    if (code && !primary.has(fold(code))) primary.set(fold(code), team.id);
  }
  const groups = groupByStrength(
    rules.flatMap((rule): CompiledRule[] => {
      const team = active.get(rule.teamId);
      if (!team) return [];
      // A rule saved before validation existed may not compile; it matches nothing rather than crash a batch.
      try {
        return [{ ...rule, test: compilePattern(rule.match, rule.pattern), teamName: team.name }];
      } catch {
        return [];
      }
    }),
  );

  return (utm: UtmTags): Attribution => {
    const source = utm.utmSource?.trim();
    if (source) {
      const teamId = primary.get(fold(source));
      if (teamId) return { teamId, confidence: "high" };
    }
    const folded = new Map<keyof UtmTags, string>();
    for (const group of groups) {
      const hits = group.filter((rule) => {
        const key = FIELD_KEY[rule.field];
        const value = utm[key];
        if (typeof value !== "string" || value === "") return false;
        let lower = folded.get(key);
        if (lower === undefined) folded.set(key, (lower = fold(value)));
        return rule.test(value, lower);
      });
      if (hits.length === 0) continue;
      const [first] = hits;
      const teamIds = [...new Set(hits.map((rule) => rule.teamId))];
      return teamIds.length > 1
        ? { teamId: first.teamId, confidence: "medium", ruleId: first.id, conflictTeamIds: teamIds }
        : { teamId: first.teamId, confidence: "medium", ruleId: first.id };
    }
    return { teamId: null, confidence: "low" };
  };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Rules of equal priority and field form one group; groups run strongest first, rules in a group by team name. */
function groupByStrength(rules: CompiledRule[]): CompiledRule[][] {
  const sorted = [...rules].sort(
    (a, b) => b.priority - a.priority || FIELD_RANK[a.field] - FIELD_RANK[b.field] || a.teamName.localeCompare(b.teamName) || a.id.localeCompare(b.id),
  );
  const groups: CompiledRule[][] = [];
  for (const rule of sorted) {
    const last = groups.at(-1);
    if (last && last[0].priority === rule.priority && last[0].field === rule.field) last.push(rule);
    else groups.push([rule]);
  }
  return groups;
}
