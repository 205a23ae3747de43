// Applies a shop source's batch of order webhooks with a handful of statements: the batch is folded
// in memory into one write per order (./fold-orders.ts), customers are found or created together,
// orders written with one multi-row upsert, and each touched customer recomputed once — ending as
// applying the events one by one (./apply-order.ts) would.
import { and, eq, inArray, sql } from "drizzle-orm";
import { customers, orders } from "@/db/schema";
import type { Tx } from "@/db/types";
import { chunk, upsertRows } from "@/lib/canonical/upsert";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize";
import { recomputeCustomers, type OrgContext } from "@/lib/customers/recompute";
import type { EventVerdicts, InboxEvent } from "../process/batch-types";
import { eventFailure } from "../event-failure";
import type { SourceRow } from "../receive/source-settings";
import { replayCustomerFills } from "./customer-fills";
import { findOrCreateCustomers } from "@/lib/customers/find-customers";
import { foldOrderEvents, type CustomerRef, type FoldInput, type StoredOrder } from "./fold-orders";
import { orderContent, unchangedOrders, type OrderContent } from "./unchanged-orders";
import { shopWebhookSchema } from "./order-schema";

const storedVersion = sql`coalesce(${orders.updatedAt}, ${orders.createdAt})`;

export async function applyShopBatch(tx: Tx, source: SourceRow, events: InboxEvent[], org: OrgContext): Promise<EventVerdicts> {
  const verdicts: EventVerdicts = new Map();
  const inputs: FoldInput[] = [];
  for (const event of events) {
    const input = parseShopWebhook(safeJson(event.body), event.receivedAt, org.country);
    if (typeof input === "string") {
      verdicts.set(event.id, { status: "rejected", failure: eventFailure("webhook_order_invalid", undefined, input) });
      continue;
    }
    verdicts.set(event.id, { status: "done" });
    inputs.push(input);
  }
  await applyShopOrders(tx, source, inputs, org);
  return verdicts;
}

/** A shop webhook's body, ready to fold; or, when it is not one, what is wrong with it. */
export function parseShopWebhook(body: unknown, receivedAt: Date, country: string): FoldInput | string {
  const parsed = shopWebhookSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown";
  }
  const customer = parsed.data.event === "order.deleted" ? null : parsed.data.order.customer;
  const who = { phone: normalizePhone(customer?.phone, country), email: normalizeEmail(customer?.email), name: customer?.name ?? null };
  return { webhook: parsed.data, receivedAt, who };
}

/**
 * Writes a shop's orders with a handful of statements, as applying them one by one would: the
 * webhooks of a batch, or the orders of an import (lib/ingest/shop/import-orders.ts).
 */
export async function applyShopOrders(tx: Tx, source: SourceRow, inputs: FoldInput[], org: OrgContext): Promise<void> {
  if (inputs.length === 0) return;
  const { stored, content } = await loadStoredOrders(tx, source.id, inputs.map((i) => i.webhook.order.id));
  const folded = foldOrderEvents(stored, inputs);
  const customerIds = await findOrCreateCustomers(tx, source.orgId, folded.customers);
  const idOf = (ref: CustomerRef) => ("id" in ref ? ref.id : (customerIds.get(ref.key) ?? null));
  const { upserts, tombstones } = orderRows(source, org, folded.writes, customerIds);
  const unchanged = unchangedOrders(upserts, content, folded.steps);
  const steps = folded.steps.filter((step) => !unchanged.has(step.orderId));
  // The fills read the customers' orders as they were before this batch: before the write.
  const fills = await replayCustomerFills(tx, source, steps, idOf);
  await writeOrders(tx, upserts.filter((row) => !unchanged.has(row.externalId)), tombstones);
  for (const [id, fill] of fills) {
    await tx
      .update(customers)
      .set({ name: sql`coalesce(${customers.name}, ${fill.name})`, email: sql`coalesce(${customers.email}, ${fill.email})` })
      .where(and(eq(customers.id, id), eq(customers.orgId, source.orgId)));
  }
  const touched = steps.flatMap((step) => step.touched.map(idOf)).filter((id): id is string => id !== null);
  await recomputeCustomers(tx, org, touched);
}

/** The stored orders' versions for the fold, and their content for unchangedOrders. */
async function loadStoredOrders(tx: Tx, sourceId: string, externalIds: string[]) {
  const stored = new Map<string, StoredOrder>();
  const content = new Map<string, string>();
  for (const part of chunk([...new Set(externalIds)])) {
    const rows = await tx
      .select({
        externalId: orders.externalId, number: orders.number, status: orders.status, customerId: orders.customerId, customerName: orders.customerName, phone: orders.phone,
        email: orders.email, total: orders.total, currency: orders.currency, items: orders.items, createdAt: orders.createdAt, updatedAt: orders.updatedAt, deletedAt: orders.deletedAt,
      })
      .from(orders)
      .where(and(eq(orders.sourceId, sourceId), inArray(orders.externalId, part)));
    for (const row of rows) {
      stored.set(row.externalId, { customerId: row.customerId, version: (row.updatedAt ?? row.createdAt).getTime(), isDeleted: row.deletedAt !== null });
      content.set(row.externalId, orderContent(row));
    }
  }
  return { stored, content };
}

type OrderKey = { orgId: string; sourceId: string; externalId: string };
type Tombstone = OrderKey & { status: string; total: string; currency: string; createdAt: Date; updatedAt: Date; deletedAt: Date };

function orderRows(source: SourceRow, org: OrgContext, writes: ReturnType<typeof foldOrderEvents>["writes"], customerIds: Map<string, string>) {
  const upserts: (OrderKey & OrderContent)[] = [];
  const tombstones: Tombstone[] = [];
  for (const [externalId, write] of writes) {
    const key = { orgId: source.orgId, sourceId: source.id, externalId };
    if (write.kind === "delete") {
      // Deleted orders leave every figure; a delete that arrives first leaves a tombstone.
      tombstones.push({ ...key, status: "deleted", total: "0", currency: org.baseCurrency, createdAt: write.at, updatedAt: write.at, deletedAt: write.at });
      continue;
    }
    const { order } = write;
    upserts.push({
      ...key,
      number: order.number ?? null,
      status: order.status,
      customerId: write.customer ? (customerIds.get(write.customer.key) ?? null) : null,
      customerName: write.name,
      phone: write.phone,
      email: write.email,
      total: order.total,
      currency: order.currency,
      items: order.items,
      createdAt: order.createdAt,
      updatedAt: write.updatedAt,
      deletedAt: write.deletedAt,
    });
  }
  return { upserts, tombstones };
}

/** What an upsert of the orders may change; an order equal in all of them is left alone. */
const ORDER_COLUMNS = ["number", "status", "customerId", "customerName", "phone", "email", "total", "currency", "items", "createdAt", "updatedAt", "deletedAt"];

async function writeOrders(tx: Tx, upserts: (OrderKey & OrderContent)[], tombstones: Tombstone[]): Promise<void> {
  // Newest wins against what was stored before the batch (the fold already ordered the batch
  // itself); an equal version is applied only when it differs, so a re-import writes nothing.
  // upsertRows sends each chunk as one JSON parameter: the query builder's VALUES list of 500 × 15
  // parameters cost more CPU than the insert itself.
  for (const part of chunk(upserts)) {
    await upsertRows(tx, orders, part, { target: [orders.sourceId, orders.externalId], columns: ORDER_COLUMNS, newestWinsWhere: sql`${storedVersion} <= excluded."updated_at"` });
  }
  for (const part of chunk(tombstones)) {
    await tx
      .insert(orders)
      .values(part)
      .onConflictDoUpdate({
        target: [orders.sourceId, orders.externalId],
        set: { deletedAt: sql.raw(`excluded."deleted_at"`), updatedAt: sql.raw(`excluded."updated_at"`) },
        setWhere: sql`${orders.deletedAt} is null and ${storedVersion} <= excluded."updated_at"`,
      });
  }
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
