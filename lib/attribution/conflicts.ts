// Ties the rules page shows: two active teams that could both claim the same row with equal strength.
import { compilePattern, fold } from "./pattern";
import type { MatcherRule, MatcherTeam } from "./types";

export type RuleConflict =
  | { kind: "primary_code"; teamIds: [string, string]; code: string }
  | { kind: "rules"; teamIds: [string, string]; ruleIds: [string, string]; field: MatcherRule["field"]; priority: number; example: string };

/**
 * A regex is not searchable for overlaps in general, so two rules conflict when one's literal
 * pattern is a value the other matches (a regex only ever as the matcher). That finds the real
 * collisions — `kenes` vs `kenesary`, `equals fb` vs `starts_with f` — without flagging every pair
 * of unrelated `contains` keywords that could in theory meet in one long campaign name.
 */
export function findRuleConflicts(teams: readonly MatcherTeam[], rules: readonly MatcherRule[]): RuleConflict[] {
  const active = teams.filter((team) => team.isActive);
  const activeIds = new Set(active.map((team) => team.id));
  const conflicts: RuleConflict[] = [];

  const byCode = new Map<string, string>();
  for (const team of active) {
    const code = team.primarySourceCode?.trim();
    if (!code) continue;
    const other = byCode.get(fold(code));
    if (other) conflicts.push({ kind: "primary_code", teamIds: [other, team.id], code });
    else byCode.set(fold(code), team.id);
  }

  const live = rules.flatMap((rule) => {
    if (!activeIds.has(rule.teamId)) return [];
    try {
      return [{ rule, test: compilePattern(rule.match, rule.pattern) }];
    } catch {
      return [];
    }
  });
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i];
      const b = live[j];
      if (a.rule.teamId === b.rule.teamId || a.rule.field !== b.rule.field || a.rule.priority !== b.rule.priority) continue;
      const example = [b.rule.match !== "regex" && a.test(b.rule.pattern, fold(b.rule.pattern)) ? b.rule.pattern : null, a.rule.match !== "regex" && b.test(a.rule.pattern, fold(a.rule.pattern)) ? a.rule.pattern : null].find(Boolean);
      if (!example) continue;
      conflicts.push({
        kind: "rules",
        teamIds: [a.rule.teamId, b.rule.teamId],
        ruleIds: [a.rule.id, b.rule.id],
        field: a.rule.field,
        priority: a.rule.priority,
        example,
      });
    }
  }
  return conflicts;
}
