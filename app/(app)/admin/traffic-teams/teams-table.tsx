"use client";
// The organisation's teams with their colour, code, rule count and actions.
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { TeamRow } from "./use-traffic";
import { DataTable, type Column } from "@/components/ui/data-table";

type Props = { teams: TeamRow[]; t: TrafficMessages["teams"]; locale: Locale; onEdit: (team: TeamRow) => void; notify: Notify };

export function TeamsTable({ teams, t, locale, onEdit, notify }: Props) {
  const columns: Column<TeamRow>[] = [
    {
      key: "name",
      label: t.name,
      render: (team) => (
        <>
          <span className="mr-2 inline-block h-3 w-3 rounded-full align-middle" style={{ background: team.color }} />
          {team.emoji ? `${team.emoji} ` : ""}
          {team.name}
        </>
      ),
    },
    { key: "code", label: t.primaryCode, className: "font-mono text-xs", render: (team) => team.primarySourceCode ?? "—" },
    { key: "rules", label: t.rules, className: "tabular-nums", render: (team) => team.rules },
    { key: "active", label: t.active, render: (team) => (team.isActive ? t.active : t.inactive) },
    {
      key: "actions",
      label: t.actions,
      isNumeric: true,
      className: "space-x-1 whitespace-nowrap",
      render: (team) => <TeamActions team={team} t={t} locale={locale} onEdit={onEdit} notify={notify} />,
    },
  ];
  return <DataTable columns={columns} rows={teams} rowKey={(team) => team.id} label={t.title} empty={t.empty} rowProps={(team) => ({ "data-testid": `team-${team.name}` })} />;
}

/** A row's buttons: edit, switch on or off, delete (after a confirmation). */
function TeamActions({ team, t, locale, onEdit, notify }: Omit<Props, "teams"> & { team: TeamRow }) {
  const done = { locale, onSaved: () => notify.ok(t.saved), onRefused: notify.fail };
  const toggle = useApiForm({ send: () => callApi(`/api/traffic-teams/${team.id}`, { method: "PATCH", body: { isActive: !team.isActive } }), ...done });
  const remove = useApiForm({ send: () => callApi(`/api/traffic-teams/${team.id}`, { method: "DELETE" }), ...done });
  return (
    <>
      <Button variant="ghost" onClick={() => onEdit(team)}>
        {t.edit}
      </Button>
      <Button variant="ghost" onClick={() => toggle.run()} disabled={toggle.isPending}>
        {team.isActive ? t.deactivate : t.activate}
      </Button>
      <Button variant="ghost" onClick={() => window.confirm(fill(t.confirmDelete, { name: team.name })) && remove.run()} disabled={remove.isPending}>
        {t.delete}
      </Button>
    </>
  );
}
