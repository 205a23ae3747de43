// A status for a Bitrix24 store (docs/shop-status.md, "A Bitrix24 store"): set on the portal's own
// order by `sale.order.update` through the store source's client — the one rate limiter its sync
// uses, its retries and its token renewal. Bitrix24 refusing the call (a 4xx such as no right to
// change orders) is dead at once with its words; no answer, 5xx or its limits are tried again.
import { eq } from "drizzle-orm";
import { sources, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import { ConnectorError } from "@/lib/connectors/errors";
import { isLastAttempt, retryDelayMs } from "@/lib/ingest/process/backoff";
import { clientForSource, type ClientDeps } from "@/lib/sources/clients";

export type DeliveryOutcome = { status: "sent"; httpStatus: number } | { status: "failed" | "dead"; httpStatus: number | null; error: string; failure: RunFailure; retryAt?: Date };

type StoreRow = { storeSourceId: string; orderExternalId: string; orderNumber: string | null; shopStatus: string };

export async function deliverToStore(db: Db, row: StoreRow, attempts: number, now: Date, deps?: ClientDeps): Promise<DeliveryOutcome> {
  const [source] = await db.select().from(sources).where(eq(sources.id, row.storeSourceId));
  try {
    const store = source ? clientForSource(db, source, deps).shopStore : undefined;
    if (!store) return { status: "dead", httpStatus: null, error: "The store source cannot take order statuses", failure: { code: "shop_status_store_invalid" } };
    const outcome = await store.setOrderStatus({ number: row.orderNumber, externalId: row.orderExternalId }, row.shopStatus);
    if (outcome.found) return { status: "sent", httpStatus: 200 };
    const number = row.orderNumber ?? row.orderExternalId;
    return { status: "dead", httpStatus: 200, error: `The Bitrix24 store has no order ${number}`, failure: { code: "shop_status_store_order_missing", params: { number } } };
  } catch (error) {
    const isConnector = error instanceof ConnectorError;
    const words = isConnector ? (error.details.crmWords ?? error.message) : error instanceof Error ? error.message : String(error);
    const httpStatus = isConnector ? (error.details.status ?? null) : null;
    const text = `Bitrix24 answered: ${words}`;
    if (!isConnector || !error.retryable) return { status: "dead", httpStatus, error: text, failure: { code: "shop_status_store_refused", details: words } };
    const failure: RunFailure = { code: "shop_status_store_failed", details: words };
    if (isLastAttempt(attempts)) return { status: "dead", httpStatus, error: text, failure };
    return { status: "failed", httpStatus, error: text, failure, retryAt: new Date(now.getTime() + retryDelayMs(attempts)) };
  }
}
