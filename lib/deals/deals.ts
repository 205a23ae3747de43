// One deal within the viewer's scope (the list behind the dashboards is in deal-list.ts).
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { crmUsers, deals, pipelines, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import { scopeCondition, type Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";

const dealColumns = {
  id: deals.id,
  externalId: deals.externalId,
  title: deals.title,
  amount: deals.amount,
  currency: deals.currency,
  pipeline: pipelines.name,
  stage: stages.name,
  status: stages.semantic,
  manager: crmUsers.name,
  createdAt: deals.createdAt,
  closedAt: deals.closedAt,
  utmSource: deals.utmSource,
};

function dealsQuery(db: Db) {
  return db
    .select(dealColumns)
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .innerJoin(pipelines, eq(pipelines.id, deals.pipelineId))
    .leftJoin(crmUsers, eq(crmUsers.id, deals.crmUserId));
}

export type DealRow = Awaited<ReturnType<ReturnType<typeof dealsQuery>["execute"]>>[number];

/** One deal; a deal outside the scope is "not found", so its existence is not revealed. */
export async function getDeal(db: Db, scope: Scope, dealId: string): Promise<DealRow> {
  if (!z.uuid().safeParse(dealId).success) throw new NotFoundError("Deal");
  const [row] = await dealsQuery(db)
    .where(and(scopeCondition(scope, deals), isNull(deals.deletedAt), eq(deals.id, sql`${dealId}::uuid`)))
    .limit(1);
  if (!row) throw new NotFoundError("Deal");
  return row;
}
