// Puts a "deal won" message in the outbox, in the same transaction as the deal write that won it.
// Called by lib/canonical/deals.ts for every chunk, webhooks and syncs alike, so it must cost
// nothing when no deal of the chunk was just won: the choice is made in memory from the stage map
// the deal writer already holds, and only a chunk with a candidate runs one INSERT … SELECT.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { selectRows } from "@/db/migrate";
import { notificationOutbox, notificationSettings } from "@/db/schema";

/**
 * Only fresh sales are announced: a deal whose close time (closed_at; when the CRM gave none, its
 * modification time) is more than a day old is history — the first full sync importing two years
 * of won deals, a reconcile, a sync after a long outage — and must not flood the chat.
 */
export const FRESH_SALE_MS = 24 * 60 * 60_000;

type WrittenDeal = { id: string; externalId: string };
type IncomingDeal = { externalId: string; stageId: string; closedAt: Date | null; updatedAt: Date | null; deletedAt: Date | null };
type StageSemantic = "open" | "won" | "lost";

/** The stage map lib/canonical/refs.ts already loaded: (pipeline, stage) → { id, semantic }. */
type StageMapLike = { stages: Map<string, { id: string; semantic: StageSemantic }> };
const semanticsByMap = new WeakMap<StageMapLike["stages"], Map<string, StageSemantic>>();

/** stage id → semantic, built once per stage map (a few hundred entries), not once per chunk. */
function semanticsOf(stageMap: StageMapLike): Map<string, StageSemantic> {
  let semantics = semanticsByMap.get(stageMap.stages);
  if (!semantics) {
    semantics = new Map([...stageMap.stages.values()].map((stage) => [stage.id, stage.semantic]));
    semanticsByMap.set(stageMap.stages, semantics);
  }
  return semantics;
}

/** The written deals that are now won, were not won before (or are new), and closed recently. */
export function pickNewlyWonDeals(
  written: WrittenDeal[],
  incoming: IncomingDeal[],
  storedStageOf: Map<string, { stageId: string }>,
  stageMap: StageMapLike,
  now: Date = new Date(),
): string[] {
  if (written.length === 0) return [];
  const semanticOf = semanticsOf(stageMap);
  const incomingBy = new Map(incoming.map((row) => [row.externalId, row]));
  const picked: string[] = [];
  for (const { id, externalId } of written) {
    const row = incomingBy.get(externalId);
    if (!row || row.deletedAt || semanticOf.get(row.stageId) !== "won") continue;
    const before = storedStageOf.get(externalId);
    if (before && semanticOf.get(before.stageId) === "won") continue; // already won: announced before, or history
    const closedAt = row.closedAt ?? row.updatedAt ?? now;
    if (now.getTime() - closedAt.getTime() > FRESH_SALE_MS) continue;
    picked.push(id);
  }
  return picked;
}

/**
 * One outbox row per deal, when the organisation has notifications on and a bot token; a deal that
 * already has one (the won webhook twice) keeps it. Returns the ids of the rows added.
 */
export async function enqueueWonDeals(db: Db, orgId: string, dealIds: string[]): Promise<string[]> {
  if (dealIds.length === 0) return [];
  const values = sql.join(
    dealIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  const rows = await selectRows<{ id: string }>(db as Db, sql`
    insert into ${notificationOutbox} (org_id, deal_id, kind)
    select s.org_id, d.deal_id, 'deal_won'
    from ${notificationSettings} s cross join (values ${values}) as d(deal_id)
    where s.org_id = ${orgId} and s.is_enabled and s.bot_token_encrypted is not null
    on conflict (deal_id, kind) do nothing
    returning id`);
  return rows.map((row) => row.id);
}
