// Queues shop statuses in the same transaction as the deal write that moved the deal (called by
// lib/canonical/deals.ts for every chunk, webhooks and syncs alike). It costs one small query per
// apply when the organisation maps no stage, and one INSERT … SELECT for a chunk that has a deal
// newly in a mapped stage. The order is found by its number (or id) in the shop source; one row
// per (order, status) — the idempotency key — so a status goes to the shop once.
import { and, eq, sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { shopStatusSettings } from "@/db/schema";
import type { Db } from "@/db/types";
import type { CanonicalDeal } from "@/lib/canonical/types";
import { orderNumberOfDeal } from "./order-link";

/** A move older than this is history (a first sync of two years of deals), not news for the shop. */
export const FRESH_MOVE_MS = 24 * 60 * 60_000;

export type ShopLink = { shopSourceId: string; linkField: string | null; mappings: Record<string, string> };

export async function loadShopLinks(db: Db, orgId: string): Promise<ShopLink[]> {
  return db
    .select({ shopSourceId: shopStatusSettings.shopSourceId, linkField: shopStatusSettings.linkField, mappings: shopStatusSettings.mappings })
    .from(shopStatusSettings)
    .where(and(eq(shopStatusSettings.orgId, orgId), eq(shopStatusSettings.isEnabled, true)));
}

export type MovedDeal = { id: string; stageId: string; previousStageId: string | null; record: CanonicalDeal };

/** Returns how many callbacks were queued. */
export async function enqueueShopStatuses(db: Db, orgId: string, links: ShopLink[], moved: MovedDeal[], now = new Date()): Promise<number> {
  const wanted: { shop: string; deal: string; number: string; status: string }[] = [];
  for (const deal of moved) {
    if (deal.stageId === deal.previousStageId || deal.record.deletedAt) continue;
    const movedAt = deal.record.movedAt ?? deal.record.updatedAt ?? now;
    if (now.getTime() - movedAt.getTime() > FRESH_MOVE_MS) continue;
    for (const link of links) {
      const status = link.mappings[deal.stageId];
      const number = status ? orderNumberOfDeal(deal.record, link.linkField) : null;
      if (status && number) wanted.push({ shop: link.shopSourceId, deal: deal.id, number, status });
    }
  }
  if (wanted.length === 0) return 0;
  const rows = await selectRows<{ id: string }>(
    db,
    sql`insert into shop_status_callbacks (org_id, shop_source_id, order_id, deal_id, shop_status)
      select distinct on (o.id, w.status) ${orgId}::uuid, w.shop, o.id, w.deal, w.status
      from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(shop uuid, deal uuid, number text, status text)
      join orders o on o.org_id = ${orgId}::uuid and o.source_id = w.shop and o.deleted_at is null and (o.number = w.number or o.external_id = w.number)
      order by o.id, w.status
      on conflict (order_id, shop_status) do nothing
      returning id`,
  );
  return rows.length;
}
