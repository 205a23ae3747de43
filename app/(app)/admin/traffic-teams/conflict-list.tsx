"use client";
// Ties between teams' rules (or shared primary codes), so an admin can raise one rule's priority.
import type { RuleConflict } from "@/lib/attribution/conflicts";
import { fill } from "@/lib/i18n/fill";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import type { TeamRow } from "./use-traffic";

export function ConflictList({ conflicts, teams, t }: { conflicts: RuleConflict[]; teams: TeamRow[]; t: TrafficMessages["rules"] }) {
  if (conflicts.length === 0) return <p className="text-sm text-slate-500">{t.noConflicts}</p>;
  const name = new Map(teams.map((team) => [team.id, team.name]));
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-amber-800" data-testid="conflicts">
      {conflicts.map((conflict, index) => {
        const [first, second] = conflict.teamIds.map((id) => name.get(id) ?? id);
        return (
          <li key={index}>
            {conflict.kind === "primary_code"
              ? fill(t.conflictCode, { first, second, code: conflict.code })
              : fill(t.conflictRules, { first, second, field: conflict.field, priority: conflict.priority, example: conflict.example })}
          </li>
        );
      })}
    </ul>
  );
}
