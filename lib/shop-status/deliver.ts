// The shop-status outbox worker: claims due rows (lib/outbox/claim.ts), sets each status on a
// Bitrix24 store's order (deliver-store.ts) or POSTs it to the shop's callback URL, signed like the shop's own webhooks (X-Voronka-Signature: sha256=<hex>, the
// HMAC-SHA256 of the raw body keyed with the shop source's webhook secret), outside any
// transaction, and records the outcome. 2xx: sent. 408, 429, 5xx or no answer: tried again with
// growing delays, dead after MAX_ATTEMPTS. Any other 4xx: dead at once (the shop refused it).
import { eq, inArray, sql } from "drizzle-orm";
import { orders, shopStatusCallbacks, shopStatusSettings, sources, deals, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import { claimDueRows } from "@/lib/outbox/claim";
import { isLastAttempt, retryDelayMs } from "@/lib/ingest/process/backoff";
import { guardedFetch } from "@/lib/connectors/http/guarded-fetch";
import { hmacSha256Hex } from "@/lib/ingest/receive/secrets";
import { SIGNATURE_HEADER } from "@/lib/ingest/receive/shop";
import type { ClientDeps } from "@/lib/sources/clients";
import { deliverToStore, type DeliveryOutcome } from "./deliver-store";

export type ShopDeliverOptions = { now?: () => Date; budgetMs?: number; batchSize?: number; orgId?: string; fetch?: typeof fetch; timeoutMs?: number; deps?: ClientDeps };
export type ShopDeliverResult = { sent: number; failed: number; dead: number };

const LEASE_MS = 3 * 60_000;
const DEFAULT_BATCH = 10;
const DEFAULT_TIMEOUT_MS = 10_000;

type Claimed = { id: string; attempts: number };
type Loaded = {
  id: string; shopStatus: string; createdAt: Date; orderExternalId: string; orderNumber: string | null; orderDeleted: boolean;
  dealExternalId: string | null; callbackUrl: string | null; storeSourceId: string | null; isEnabled: boolean | null; secret: string;
};
type Outcome = DeliveryOutcome;

/** The key a shop keeps to apply a status once: the order's id and the status. */
export const idempotencyKeyOf = (orderExternalId: string, shopStatus: string) => `${orderExternalId}:${shopStatus}`;

/** The JSON body sent (docs/shop-status.md). The same for every attempt of a row. */
export function callbackBody(row: Pick<Loaded, "orderExternalId" | "orderNumber" | "shopStatus" | "dealExternalId" | "createdAt">): string {
  return JSON.stringify({
    event: "order.status",
    idempotencyKey: idempotencyKeyOf(row.orderExternalId, row.shopStatus),
    order: { id: row.orderExternalId, number: row.orderNumber },
    status: row.shopStatus,
    deal: row.dealExternalId ? { id: row.dealExternalId } : null,
    changedAt: row.createdAt.toISOString(),
  });
}

export async function drainShopStatusCallbacks(db: Db, options: ShopDeliverOptions = {}): Promise<ShopDeliverResult & { exhausted: boolean }> {
  const clock = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const total: ShopDeliverResult = { sent: 0, failed: 0, dead: 0 };
  while (Date.now() < deadline) {
    const claimed = await claimDueRows<Claimed>(db, shopStatusCallbacks, {
      now: clock(), leaseMs: LEASE_MS, batchSize: options.batchSize ?? DEFAULT_BATCH, orgId: options.orgId, returning: sql`o.id, o.attempts`,
    });
    if (claimed.length === 0) return { ...total, exhausted: false };
    const loaded = new Map((await loadRows(db, claimed.map((row) => row.id))).map((row) => [row.id, row]));
    for (const row of claimed) {
      const outcome = await deliverOne(db, row, loaded.get(row.id), clock(), options);
      await record(db, row.id, outcome, clock());
      total[outcome.status]++;
    }
  }
  return { ...total, exhausted: true };
}

function loadRows(db: Db, ids: string[]): Promise<Loaded[]> {
  return db
    .select({
      id: shopStatusCallbacks.id, shopStatus: shopStatusCallbacks.shopStatus, createdAt: shopStatusCallbacks.createdAt,
      orderExternalId: orders.externalId, orderNumber: orders.number, orderDeleted: sql<boolean>`${orders.deletedAt} is not null`,
      dealExternalId: deals.externalId, callbackUrl: shopStatusSettings.callbackUrl, storeSourceId: shopStatusSettings.storeSourceId, isEnabled: shopStatusSettings.isEnabled, secret: sources.webhookSecret,
    })
    .from(shopStatusCallbacks)
    .innerJoin(orders, eq(orders.id, shopStatusCallbacks.orderId))
    .innerJoin(sources, eq(sources.id, shopStatusCallbacks.shopSourceId))
    .leftJoin(deals, eq(deals.id, shopStatusCallbacks.dealId))
    .leftJoin(shopStatusSettings, eq(shopStatusSettings.shopSourceId, shopStatusCallbacks.shopSourceId))
    .where(inArray(shopStatusCallbacks.id, ids));
}

async function deliverOne(db: Db, claimed: Claimed, row: Loaded | undefined, now: Date, options: ShopDeliverOptions): Promise<Outcome> {
  const dead = (error: string, code: string): Outcome => ({ status: "dead", httpStatus: null, error, failure: { code } });
  if (!row || row.orderDeleted) return dead("The order was deleted; nothing was sent", "shop_status_order_deleted");
  if (row.isEnabled && row.storeSourceId) return deliverToStore(db, { ...row, storeSourceId: row.storeSourceId }, claimed.attempts, now, options.deps);
  if (!row.isEnabled || !row.callbackUrl) return dead("Sending statuses to the shop is turned off; nothing was sent", "shop_status_disabled");
  const body = callbackBody(row);
  const headers = {
    "content-type": "application/json",
    "idempotency-key": idempotencyKeyOf(row.orderExternalId, row.shopStatus),
    [SIGNATURE_HEADER]: `sha256=${hmacSha256Hex(row.secret, body)}`,
  };
  let httpStatus: number | null = null;
  let error: string;
  try {
    const response = await (options.fetch ?? guardedFetch)(row.callbackUrl, { method: "POST", headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
    httpStatus = response.status;
    const text = (await response.text()).slice(0, 300);
    if (response.ok) return { status: "sent", httpStatus };
    error = `The shop answered ${response.status}${text ? `: ${text}` : ""}`;
    const isRetryable = response.status === 408 || response.status === 429 || response.status >= 500;
    if (!isRetryable) return { status: "dead", httpStatus, error, failure: { code: "shop_status_refused", params: { status: response.status }, details: text || undefined } };
  } catch (cause) {
    error = `The shop did not answer: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  const failure: RunFailure = httpStatus === null ? { code: "shop_status_unreachable", details: error } : { code: "shop_status_failed", params: { status: httpStatus }, details: error };
  if (isLastAttempt(claimed.attempts)) return { status: "dead", httpStatus, error, failure };
  return { status: "failed", httpStatus, error, failure, retryAt: new Date(now.getTime() + retryDelayMs(claimed.attempts)) };
}

function record(db: Db, id: string, outcome: Outcome, now: Date) {
  const where = eq(shopStatusCallbacks.id, id);
  if (outcome.status === "sent") {
    return db.update(shopStatusCallbacks).set({ status: "sent", sentAt: now, lastHttpStatus: outcome.httpStatus, lastError: null, lastFailure: null }).where(where);
  }
  return db
    .update(shopStatusCallbacks)
    .set({ status: outcome.status, lastHttpStatus: outcome.httpStatus, lastError: outcome.error, lastFailure: outcome.failure, nextAttemptAt: outcome.retryAt ?? now })
    .where(where);
}
