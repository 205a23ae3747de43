// Reading deals within the viewer's scope: the table behind the dashboards and the JSON API.
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { crmUsers, deals, pipelines, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import { scopeCondition, type Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";

export const dealListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/, "must be the nextCursor of a previous page").optional(),
});

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

/** Newest first, keyset-paginated so deep pages stay fast. */
export async function listDeals(db: Db, scope: Scope, query: z.infer<typeof dealListQuerySchema>) {
  const [cursorTime, cursorId] = query.cursor?.split("|") ?? [];
  const after = cursorTime
    ? or(lt(deals.createdAt, new Date(cursorTime)), and(eq(deals.createdAt, new Date(cursorTime)), lt(deals.id, cursorId)))
    : undefined;
  const rows = await dealsQuery(db)
    .where(and(scopeCondition(scope, deals), isNull(deals.deletedAt), after))
    .orderBy(desc(deals.createdAt), desc(deals.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { deals: page, nextCursor: rows.length > query.limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
}

/** One deal; a deal outside the scope is "not found", so its existence is not revealed. */
export async function getDeal(db: Db, scope: Scope, dealId: string): Promise<DealRow> {
  if (!z.uuid().safeParse(dealId).success) throw new NotFoundError("Deal");
  const [row] = await dealsQuery(db)
    .where(and(scopeCondition(scope, deals), isNull(deals.deletedAt), eq(deals.id, sql`${dealId}::uuid`)))
    .limit(1);
  if (!row) throw new NotFoundError("Deal");
  return row;
}
