"use client";
// The traffic-teams page's data: teams, rules with conflicts, and the latest recompute (polled every
// second while one runs, so the progress bar moves; every save refreshes all three).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { RuleConflict } from "@/lib/attribution/conflicts";
import type { AttributionRun } from "@/lib/attribution/recompute";
import type { AttributionRule } from "@/lib/attribution/rules";
import type { TrafficTeam } from "@/lib/attribution/teams";
import { callApi } from "@/lib/api/call-api";

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type TeamRow = Json<TrafficTeam> & { rules: number };
export type RuleRow = Json<AttributionRule>;
export type RunRow = Json<AttributionRun>;

export function useTrafficData() {
  const teams = useQuery({ queryKey: ["traffic", "teams"], queryFn: async () => (await callApi<{ teams: TeamRow[] }>("/api/traffic-teams")).teams });
  const rules = useQuery({ queryKey: ["traffic", "rules"], queryFn: () => callApi<{ rules: RuleRow[]; conflicts: RuleConflict[] }>("/api/attribution-rules") });
  const run = useQuery({
    queryKey: ["traffic", "run"],
    queryFn: async () => (await callApi<{ run: RunRow | null }>("/api/traffic-teams/recompute")).run,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
  });
  return { teams: teams.data ?? [], rules: rules.data?.rules ?? [], conflicts: rules.data?.conflicts ?? [], run: run.data ?? null };
}

/** After a save: reload everything (the recompute it started appears and starts polling). */
export function useRefreshTraffic() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["traffic"] });
}
