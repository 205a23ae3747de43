// What the admin's stage → status form offers: the CRM pipelines and stages synced into the
// organisation, its sources that are also an online store (a Bitrix24 portal's `sale` module), and
// such a store's own order statuses, read from the portal when asked.
import { and, asc, eq } from "drizzle-orm";
import { pipelines, sources, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import type { ShopStore } from "@/lib/connectors/shop-store";
import { ValidationError } from "@/lib/errors";
import type { Locale } from "@/lib/format";
import { clientForSource, type ClientDeps, type SourceRow } from "@/lib/sources/clients";
import { nameStoreStatuses, type NamedStoreStatuses } from "./status-names";

export type StageChoice = { id: string; name: string };
export type PipelineChoice = { id: string; name: string; sourceName: string; stages: StageChoice[] };
export type StoreChoice = { id: string; name: string };

function storeOf(db: Db, source: SourceRow, deps?: ClientDeps): ShopStore | undefined {
  try {
    return clientForSource(db, source, deps).shopStore;
  } catch {
    return undefined; // no CRM, or no credentials: not a store Voronka can reach
  }
}

/** The organisation's source `id` as a store; refused when it is none (not a Bitrix24 portal with credentials). */
export async function getStore(db: Db, orgId: string, id: string, deps?: ClientDeps): Promise<ShopStore> {
  const [source] = await db.select().from(sources).where(and(eq(sources.orgId, orgId), eq(sources.id, id)));
  const store = source ? storeOf(db, source, deps) : undefined;
  if (!store) throw new ValidationError("The store must be a connected Bitrix24 source of this organisation", { code: "shop_status_store_invalid", field: "storeSourceId" });
  return store;
}

/** The pipelines (not deleted) of every CRM source of the organisation, each with its stages in funnel order. */
export async function listStageChoices(db: Db, orgId: string): Promise<PipelineChoice[]> {
  const rows = await db
    .select({ pipelineId: pipelines.id, pipelineName: pipelines.name, sourceName: sources.name, stageId: stages.id, stageName: stages.name })
    .from(pipelines)
    .innerJoin(sources, eq(sources.id, pipelines.sourceId))
    .innerJoin(stages, eq(stages.pipelineId, pipelines.id))
    .where(and(eq(pipelines.orgId, orgId), eq(pipelines.isDeleted, false)))
    .orderBy(asc(sources.createdAt), asc(pipelines.sort), asc(pipelines.name), asc(stages.sort));
  const out: PipelineChoice[] = [];
  for (const row of rows) {
    let pipeline = out[out.length - 1];
    if (pipeline?.id !== row.pipelineId) out.push((pipeline = { id: row.pipelineId, name: row.pipelineName, sourceName: row.sourceName, stages: [] }));
    pipeline.stages.push({ id: row.stageId, name: row.stageName });
  }
  return out;
}

/** The organisation's sources that are online stores Voronka can reach. */
export async function listStoreChoices(db: Db, orgId: string): Promise<StoreChoice[]> {
  const rows = await db.select().from(sources).where(eq(sources.orgId, orgId)).orderBy(asc(sources.createdAt));
  return rows.filter((row) => storeOf(db, row) !== undefined).map((row) => ({ id: row.id, name: row.name }));
}

/** The store's order statuses, from the portal (`sale.status.list`), named in `locale` (`sale.statusLang.list`). */
export async function listStoreStatuses(db: Db, orgId: string, storeId: string, locale: Locale, deps?: ClientDeps): Promise<NamedStoreStatuses> {
  const store = await getStore(db, orgId, storeId, deps);
  return nameStoreStatuses(store, await store.listStatuses(), locale);
}
