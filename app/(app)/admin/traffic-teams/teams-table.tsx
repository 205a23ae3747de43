"use client";
// The organisation's teams with their colour, code, rule count and actions.
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { fill } from "@/lib/i18n/fill";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { TeamRow } from "./use-traffic";
import { tableScroll } from "@/components/ui/table-scroll";

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
  if (teams.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  return (
    <div className={tableScroll}>
      <table className="w-full text-sm [&_td]:pr-3 [&_th]:pr-3" aria-label={t.title}>
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-2">{t.name}</th>
            <th>{t.primaryCode}</th>
            <th>{t.rules}</th>
            <th>{t.active}</th>
            <th className="text-right">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id} className="border-t border-slate-100" data-testid={`team-${team.name}`}>
              <td className="py-2">
                <span className="mr-2 inline-block h-3 w-3 rounded-full align-middle" style={{ background: team.color }} />
                {team.emoji ? `${team.emoji} ` : ""}
                {team.name}
              </td>
              <td className="font-mono text-xs">{team.primarySourceCode ?? "—"}</td>
              <td className="tabular-nums">{team.rules}</td>
              <td>{team.isActive ? t.active : t.inactive}</td>
              <td className="space-x-1 text-right">
                <Button variant="ghost" onClick={() => onEdit(team)}>
                  {t.edit}
                </Button>
                <Button variant="ghost" onClick={() => toggle.mutate(team)} disabled={toggle.isPending}>
                  {team.isActive ? t.deactivate : t.activate}
                </Button>
                <Button variant="ghost" onClick={() => window.confirm(fill(t.confirmDelete, { name: team.name })) && remove.mutate(team)} disabled={remove.isPending}>
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
