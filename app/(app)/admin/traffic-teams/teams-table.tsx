"use client";
// The organisation's teams with their colour, code, rule count and actions.
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { fill } from "@/lib/i18n/fill";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { TeamRow } from "./use-traffic";
import { DataTable, type Column } from "@/components/ui/data-table";

export function TeamsTable({ teams, t, onEdit, notify }: { teams: TeamRow[]; t: TrafficMessages["teams"]; onEdit: (team: TeamRow) => void; notify: Notify }) {
  const toggle = useMutation({
    mutationFn: (team: TeamRow) => callApi(`/api/traffic-teams/${team.id}`, { method: "PATCH", body: { isActive: !team.isActive } }),
    onSuccess: () => notify.ok(t.saved),
    onError: notify.fail,
  });
  const remove = useMutation({
    mutationFn: (team: TeamRow) => callApi(`/api/traffic-teams/${team.id}`, { method: "DELETE" }),
    onSuccess: () => notify.ok(t.saved),
    onError: notify.fail,
  });
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
      render: (team) => (
        <>
          <Button variant="ghost" onClick={() => onEdit(team)}>
            {t.edit}
          </Button>
          <Button variant="ghost" onClick={() => toggle.mutate(team)} disabled={toggle.isPending}>
            {team.isActive ? t.deactivate : t.activate}
          </Button>
          <Button variant="ghost" onClick={() => window.confirm(fill(t.confirmDelete, { name: team.name })) && remove.mutate(team)} disabled={remove.isPending}>
            {t.delete}
          </Button>
        </>
      ),
    },
  ];
  return <DataTable columns={columns} rows={teams} rowKey={(team) => team.id} label={t.title} empty={t.empty} rowProps={(team) => ({ "data-testid": `team-${team.name}` })} />;
}
