"use client";
// Every rule of the organisation, strongest first, with its team.
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { RuleRow, TeamRow } from "./use-traffic";
import { DataTable, type Column } from "@/components/ui/data-table";

type Props = { rules: RuleRow[]; teams: TeamRow[]; t: TrafficMessages["rules"]; onEdit: (rule: RuleRow) => void; notify: Notify };

export function RulesTable({ rules, teams, t, onEdit, notify }: Props) {
  const remove = useMutation({
    mutationFn: (id: string) => callApi(`/api/attribution-rules/${id}`, { method: "DELETE" }),
    onSuccess: () => notify.ok(t.saved),
    onError: notify.fail,
  });
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const columns: Column<RuleRow>[] = [
    { key: "team", label: t.team, render: (rule) => teamName.get(rule.teamId) },
    { key: "field", label: t.field, className: "font-mono text-xs", render: (rule) => rule.field },
    { key: "match", label: t.match, render: (rule) => t.matches[rule.match] },
    { key: "pattern", label: t.pattern, className: "font-mono text-xs", render: (rule) => rule.pattern },
    { key: "priority", label: t.priority, className: "tabular-nums", render: (rule) => rule.priority },
    {
      key: "actions",
      label: t.actions,
      isNumeric: true,
      className: "space-x-1 whitespace-nowrap",
      render: (rule) => (
        <>
          <Button variant="ghost" onClick={() => onEdit(rule)}>
            {t.edit}
          </Button>
          <Button variant="ghost" onClick={() => remove.mutate(rule.id)} disabled={remove.isPending}>
            {t.delete}
          </Button>
        </>
      ),
    },
  ];
  // A long rule list scrolls inside its card rather than pushing the forms below out of view.
  return (
    <div className="max-h-96 overflow-y-auto">
      <DataTable columns={columns} rows={rules} rowKey={(rule) => rule.id} label={t.title} empty={t.empty} />
    </div>
  );
}
