// What a clicked figure stands for, named for the deals list's caption: the stage of a funnel bar
// («дошли до этапа «Счёт» воронки «Продажи»» — a deal that reached it may stand further on by now),
// and the traffic team of a Traffic row.
import { and, eq } from "drizzle-orm";
import { pipelines, stages, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";

export type NamedStage = { name: string; pipelineName: string };

/** null for a stage of another organisation or none at all (the list is then empty too). */
export async function namedStage(db: Db, orgId: string, stageId: string): Promise<NamedStage | null> {
  const [stage] = await db
    .select({ name: stages.name, pipelineName: pipelines.name })
    .from(stages)
    .innerJoin(pipelines, eq(pipelines.id, stages.pipelineId))
    .where(and(eq(stages.id, stageId), eq(stages.orgId, orgId)))
    .limit(1);
  return stage ?? null;
}

/** The traffic team a Traffic row stands for, named for the caption (rows do not carry it); null for "none" or another organisation's. */
export async function namedTeam(db: Db, orgId: string, teamId: string): Promise<string | null> {
  if (teamId === "none") return null;
  const [team] = await db
    .select({ name: trafficTeams.name })
    .from(trafficTeams)
    .where(and(eq(trafficTeams.id, teamId), eq(trafficTeams.orgId, orgId)))
    .limit(1);
  return team?.name ?? null;
}
