// The admin's side of "back to the shop": the settings of a shop source (callback URL, where a
// deal carries its order number, stage → shop status), the history of an order's statuses, and a
// status sent again by hand (the same row and idempotency key: a shop that applied it ignores it).
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { deals, orders, shopStatusCallbacks, shopStatusSettings, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { describeKind } from "@/lib/connectors/descriptors";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Locale } from "@/lib/format";
import { getSourceRow } from "@/lib/sources/manage-sources";
import { getStore, listStageChoices, listStoreChoices, listStoreStatuses } from "./stores";

export const shopStatusSettingsSchema = z
  .object({
    isEnabled: z.boolean(),
    /** The shop's callback URL; may be empty when the shop is a Bitrix24 store. */
    callbackUrl: z
      .union([z.literal(""), z.url({ protocol: /^https?$/, message: "must be an http(s) address" }).max(2000)])
      .nullish()
      .transform((value) => value || null),
    /** A Bitrix24 source of the organisation whose store holds the orders: statuses go by its `sale.order.update`. */
    storeSourceId: z.uuid("must be a source id").nullish().transform((value) => value ?? null),
    linkField: z.string().trim().max(200).nullish().transform((value) => (value ? value : null)),
    /** Voronka stage id → the shop's status code. */
    mappings: z.record(z.uuid(), z.string().trim().min(1).max(100)).refine((value) => Object.keys(value).length <= 500, "at most 500 stages"),
  })
  .superRefine((value, ctx) => {
    if (!value.storeSourceId && !value.callbackUrl) ctx.addIssue({ code: "custom", path: ["callbackUrl"], message: "the shop's callback URL is required unless the shop is a Bitrix24 store" });
  });
export type ShopStatusSettingsInput = z.infer<typeof shopStatusSettingsSchema>;

type Admin = Pick<Viewer, "orgId" | "userId">;

async function getShopSource(db: Db, orgId: string, sourceId: string) {
  const source = await getSourceRow(db, orgId, sourceId);
  if (!describeKind(source.kind).importsOrders) throw new ValidationError("Statuses can be sent only to a shop source", { code: "shop_status_not_shop" });
  return source;
}

export async function getShopStatusSettings(db: Db, orgId: string, sourceId: string) {
  await getShopSource(db, orgId, sourceId);
  const [row] = await db.select().from(shopStatusSettings).where(and(eq(shopStatusSettings.orgId, orgId), eq(shopStatusSettings.shopSourceId, sourceId)));
  return row
    ? { isEnabled: row.isEnabled, callbackUrl: row.callbackUrl ?? "", storeSourceId: row.storeSourceId, linkField: row.linkField, mappings: row.mappings }
    : { isEnabled: false, callbackUrl: "", storeSourceId: null, linkField: null, mappings: {} };
}

/** What the settings form offers: the organisation's pipelines with their stages, and its stores. */
export async function getShopStatusChoices(db: Db, orgId: string, sourceId: string) {
  await getShopSource(db, orgId, sourceId);
  return { pipelines: await listStageChoices(db, orgId), stores: await listStoreChoices(db, orgId) };
}

/** A store's own order statuses (read from the portal) with their names in `locale`, for the form's status choices. */
export async function getStoreStatuses(db: Db, orgId: string, sourceId: string, storeId: string, locale: Locale) {
  await getShopSource(db, orgId, sourceId);
  return listStoreStatuses(db, orgId, storeId, locale);
}

export async function saveShopStatusSettings(db: Db, viewer: Admin, sourceId: string, input: ShopStatusSettingsInput) {
  await getShopSource(db, viewer.orgId, sourceId);
  const stageIds = Object.keys(input.mappings);
  if (stageIds.length > 0) {
    const known = await db.select({ id: stages.id }).from(stages).where(and(eq(stages.orgId, viewer.orgId), inArray(stages.id, stageIds)));
    if (known.length !== stageIds.length) throw new ValidationError("A mapped stage is not a stage of this organisation", { code: "shop_status_stage_unknown", field: "mappings" });
  }
  if (input.storeSourceId) await getStore(db, viewer.orgId, input.storeSourceId);
  const values = { isEnabled: input.isEnabled, callbackUrl: input.callbackUrl, storeSourceId: input.storeSourceId, linkField: input.linkField, mappings: input.mappings, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(shopStatusSettings).values({ shopSourceId: sourceId, orgId: viewer.orgId, ...values }).onConflictDoUpdate({ target: shopStatusSettings.shopSourceId, set: values });
    await writeAudit(tx, viewer, { action: "shop_status.settings", targetType: "source", targetId: sourceId, details: { isEnabled: input.isEnabled, stages: stageIds.length, linkField: input.linkField, storeSourceId: input.storeSourceId } });
  });
  return getShopStatusSettings(db, viewer.orgId, sourceId);
}

const HISTORY_LIMIT = 200;

/** The statuses sent (or being sent) for the shop's orders, newest first; `order` narrows to one order by number or id, `id` to one delivery. */
export async function listShopStatusHistory(db: Db, orgId: string, sourceId: string, filter: { order?: string; id?: string } = {}) {
  const { order } = filter;
  await getShopSource(db, orgId, sourceId);
  const c = shopStatusCallbacks;
  return db
    .select({
      id: c.id, orderId: orders.externalId, orderNumber: orders.number, status: c.shopStatus, state: c.status, attempts: c.attempts, resends: c.resends,
      lastHttpStatus: c.lastHttpStatus, lastError: c.lastError, lastFailure: c.lastFailure, nextAttemptAt: c.nextAttemptAt, sentAt: c.sentAt, createdAt: c.createdAt,
      deal: { id: deals.id, externalId: deals.externalId, title: deals.title },
    })
    .from(c)
    .innerJoin(orders, eq(orders.id, c.orderId))
    .leftJoin(deals, eq(deals.id, c.dealId))
    .where(and(eq(c.orgId, orgId), eq(c.shopSourceId, sourceId), order ? or(eq(orders.number, order), eq(orders.externalId, order)) : undefined, filter.id ? eq(c.id, filter.id) : undefined))
    .orderBy(desc(c.createdAt))
    .limit(HISTORY_LIMIT);
}

/** Queues a status again, due now, with fresh attempts; the caller drains it. */
export async function resendShopStatus(db: Db, viewer: Admin, sourceId: string, callbackId: string, now = new Date()) {
  await getShopSource(db, viewer.orgId, sourceId);
  const c = shopStatusCallbacks;
  const [row] = await db
    .update(c)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, resends: sql`${c.resends} + 1` })
    .where(and(eq(c.id, callbackId), eq(c.orgId, viewer.orgId), eq(c.shopSourceId, sourceId)))
    .returning({ id: c.id, status: c.shopStatus });
  if (!row) throw new NotFoundError("Shop status");
  await writeAudit(db, viewer, { action: "shop_status.resend", targetType: "source", targetId: sourceId, details: { callbackId, status: row.status } });
  return row;
}
