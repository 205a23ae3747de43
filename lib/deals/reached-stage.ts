// The stage a funnel bar stands for, named for the deals list's caption: «дошли до этапа «Счёт»
// воронки «Продажи»». Rows cannot tell it: a deal that reached the stage may stand further on by now.
import { and, eq } from "drizzle-orm";
import { pipelines, stages } from "@/db/schema";
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
