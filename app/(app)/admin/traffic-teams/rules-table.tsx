"use client";
// Every rule of the organisation, strongest first, with its team.
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { RuleRow, TeamRow } from "./use-traffic";
import { tableScroll } from "@/components/ui/table-scroll";

type Props = { rules: RuleRow[]; teams: TeamRow[]; t: TrafficMessages["rules"]; onEdit: (rule: RuleRow) => void; notify: Notify };

export function RulesTable({ rules, teams, t, onEdit, notify }: Props) {
  const remove = useMutation({
    mutationFn: (id: string) => callApi(`/api/attribution-rules/${id}`, { method: "DELETE" }),
    onSuccess: () => notify.ok(t.saved),
    onError: notify.fail,
  });
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  if (rules.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  return (
    <div className={`max-h-96 overflow-y-auto ${tableScroll}`}>
      <table className="w-full text-sm [&_td]:pr-3 [&_th]:pr-3" aria-label={t.title}>
        <thead className="sticky top-0 bg-white text-left text-xs text-slate-500">
          <tr>
            <th className="py-2">{t.team}</th>
            <th>{t.field}</th>
            <th>{t.match}</th>
            <th>{t.pattern}</th>
            <th>{t.priority}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} className="border-t border-slate-100">
              <td className="py-1">{teamName.get(rule.teamId)}</td>
              <td className="font-mono text-xs">{rule.field}</td>
              <td>{t.matches[rule.match]}</td>
              <td className="font-mono text-xs">{rule.pattern}</td>
              <td className="tabular-nums">{rule.priority}</td>
              <td className="space-x-1 text-right">
                <Button variant="ghost" onClick={() => onEdit(rule)}>
                  {t.edit}
                </Button>
                <Button variant="ghost" onClick={() => remove.mutate(rule.id)} disabled={remove.isPending}>
                  {t.delete}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
