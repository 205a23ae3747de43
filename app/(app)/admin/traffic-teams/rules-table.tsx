"use client";
// Every rule of the organisation, strongest first, with its team.
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import type { Locale } from "@/lib/format";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { RuleRow, TeamRow } from "./use-traffic";
import { DataTable, type Column } from "@/components/ui/data-table";

type Props = { rules: RuleRow[]; teams: TeamRow[]; t: TrafficMessages["rules"]; locale: Locale; onEdit: (rule: RuleRow) => void; notify: Notify };

export function RulesTable({ rules, teams, t, locale, onEdit, notify }: Props) {
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
      render: (rule) => <RuleActions rule={rule} t={t} locale={locale} onEdit={onEdit} notify={notify} />,
    },
  ];
  // A long rule list scrolls inside its card rather than pushing the forms below out of view.
  return (
    <div className="max-h-96 overflow-y-auto">
      <DataTable columns={columns} rows={rules} rowKey={(rule) => rule.id} label={t.title} empty={t.empty} />
    </div>
  );
}

function RuleActions({ rule, t, locale, onEdit, notify }: Omit<Props, "rules" | "teams"> & { rule: RuleRow }) {
  const remove = useApiForm({ send: () => callApi(`/api/attribution-rules/${rule.id}`, { method: "DELETE" }), locale, onSaved: () => notify.ok(t.saved), onRefused: notify.fail });
  return (
    <>
      <Button variant="ghost" onClick={() => onEdit(rule)}>
        {t.edit}
      </Button>
      <Button variant="ghost" onClick={() => remove.run()} disabled={remove.isPending}>
        {t.delete}
      </Button>
    </>
  );
}
