// Applies a shop source's batch of order webhooks with a handful of statements: the batch is folded
// in memory into one write per order (./fold-orders.ts), customers are found or created together,
// orders written with one multi-row upsert, and each touched customer recomputed once — ending as
// applying the events one by one (./apply-order.ts) would.
import { and, eq, inArray, sql } from "drizzle-orm";
import { customers, orders } from "@/db/schema";
import type { Tx } from "@/db/types";
import { chunk } from "@/lib/canonical/upsert";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize";
import { recomputeCustomers, type OrgContext } from "@/lib/customers/recompute";
import type { EventVerdicts, InboxEvent } from "../process/batch-types";
import { eventFailure } from "../event-failure";
import type { SourceRow } from "../receive/source-settings";
import { replayCustomerFills } from "./customer-fills";
import { findOrCreateCustomers } from "@/lib/customers/find-customers";
import { foldOrderEvents, type CustomerRef, type FoldInput, type StoredOrder } from "./fold-orders";
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
  const folded = foldOrderEvents(await loadStoredOrders(tx, source.id, inputs.map((i) => i.webhook.order.id)), inputs);
  const customerIds = await findOrCreateCustomers(tx, source.orgId, folded.customers);
  const idOf = (ref: CustomerRef) => ("id" in ref ? ref.id : (customerIds.get(ref.key) ?? null));
  const fills = await replayCustomerFills(tx, source, folded.steps, idOf);
  await writeOrders(tx, source, org, folded.writes, customerIds);
  for (const [id, fill] of fills) {
    await tx
      .update(customers)
      .set({ name: sql`coalesce(${customers.name}, ${fill.name})`, email: sql`coalesce(${customers.email}, ${fill.email})` })
      .where(and(eq(customers.id, id), eq(customers.orgId, source.orgId)));
  }
  const touched = folded.steps.flatMap((step) => step.touched.map(idOf)).filter((id): id is string => id !== null);
  await recomputeCustomers(tx, org, touched);
}

async function loadStoredOrders(tx: Tx, sourceId: string, externalIds: string[]): Promise<Map<string, StoredOrder>> {
  const stored = new Map<string, StoredOrder>();
  for (const part of chunk([...new Set(externalIds)])) {
    const rows = await tx
      .select({ externalId: orders.externalId, customerId: orders.customerId, createdAt: orders.createdAt, updatedAt: orders.updatedAt, deletedAt: orders.deletedAt })
      .from(orders)
      .where(and(eq(orders.sourceId, sourceId), inArray(orders.externalId, part)));
    for (const row of rows) stored.set(row.externalId, { customerId: row.customerId, version: (row.updatedAt ?? row.createdAt).getTime(), isDeleted: row.deletedAt !== null });
  }
  return stored;
}

async function writeOrders(tx: Tx, source: SourceRow, org: OrgContext, writes: ReturnType<typeof foldOrderEvents>["writes"], customerIds: Map<string, string>): Promise<void> {
  const upserts = [];
  const tombstones = [];
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
  const excluded = (column: string) => sql.raw(`excluded."${column}"`);
  for (const part of chunk(upserts)) {
    await tx
      .insert(orders)
      .values(part)
      .onConflictDoUpdate({
        target: [orders.sourceId, orders.externalId],
        set: Object.fromEntries(
          [
            ["number", "number"], ["status", "status"], ["customerId", "customer_id"], ["customerName", "customer_name"], ["phone", "phone"], ["email", "email"],
            ["total", "total"], ["currency", "currency"], ["items", "items"], ["createdAt", "created_at"], ["updatedAt", "updated_at"], ["deletedAt", "deleted_at"],
          ].map(([key, column]) => [key, excluded(column)]),
        ),
        // Newest wins against what was stored before the batch (the fold already ordered the batch itself).
        setWhere: sql`${storedVersion} <= excluded."updated_at"`,
      });
  }
  for (const part of chunk(tombstones)) {
    await tx
      .insert(orders)
      .values(part)
      .onConflictDoUpdate({
        target: [orders.sourceId, orders.externalId],
        set: { deletedAt: excluded("deleted_at"), updatedAt: excluded("updated_at") },
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
