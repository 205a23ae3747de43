// Applies one shop webhook inside the processor's transaction: upsert the order (newest wins on
// the shop's updatedAt), attach it to its customer, and recompute the customers it touched.
import { and, eq, sql } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { Tx } from "@/db/types";
import { findOrCreateCustomer } from "@/lib/customers/find-customers";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize";
import { recomputeCustomer, type OrgContext } from "@/lib/customers/recompute";
import type { SourceRow } from "../receive/source-settings";
import { eventFailure, PermanentEventError } from "../event-failure";
import { shopWebhookSchema, type ShopOrder } from "./order-schema";

/** The stored order's own version: an incoming change older than it changes nothing. */
const storedVersion = sql`coalesce(${orders.updatedAt}, ${orders.createdAt})`;

export async function applyShopEvent(tx: Tx, source: SourceRow, body: string, receivedAt: Date, org: OrgContext): Promise<void> {
  const parsed = shopWebhookSchema.safeParse(safeJson(body));
  if (!parsed.success) throw new PermanentEventError(eventFailure("webhook_order_invalid", undefined, parsed.error.issues[0]?.message));
  const [before] = await tx
    .select({ customerId: orders.customerId, version: sql<string>`${storedVersion}` })
    .from(orders)
    .where(and(eq(orders.sourceId, source.id), eq(orders.externalId, parsed.data.order.id)))
    .limit(1);
  const touched = new Set<string>();
  if (before?.customerId) touched.add(before.customerId);

  if (parsed.data.event === "order.deleted") {
    // Deleted orders leave every figure; a delete that arrives first leaves a tombstone, so the
    // older create that follows cannot bring the order back.
    const at = parsed.data.order.updatedAt ?? receivedAt;
    await tx
      .insert(orders)
      .values({ orgId: source.orgId, sourceId: source.id, externalId: parsed.data.order.id, status: "deleted", total: "0", currency: org.baseCurrency, createdAt: at, updatedAt: at, deletedAt: at })
      .onConflictDoUpdate({
        target: [orders.sourceId, orders.externalId],
        set: { deletedAt: at, updatedAt: at },
        setWhere: sql`${orders.deletedAt} is null and ${storedVersion} <= ${at.toISOString()}::timestamptz`,
      });
  } else {
    const order = parsed.data.order;
    // An older change than the stored one: nothing to do (and no customer to create for it).
    if (before && new Date(before.version).getTime() > (order.updatedAt ?? order.createdAt).getTime()) return;
    const phone = normalizePhone(order.customer?.phone, org.country);
    const email = normalizeEmail(order.customer?.email);
    const name = order.customer?.name ?? null;
    const customerId = await findOrCreateCustomer(tx, source.orgId, { phone, email }, name);
    if (customerId) touched.add(customerId);
    await upsertOrder(tx, source, order, { customerId, phone, email, name });
  }
  for (const customerId of touched) await recomputeCustomer(tx, org, customerId);
}

async function upsertOrder(tx: Tx, source: SourceRow, order: ShopOrder, who: { customerId: string | null; phone: string | null; email: string | null; name: string | null }) {
  const version = order.updatedAt ?? order.createdAt;
  const values = {
    number: order.number ?? null,
    status: order.status,
    customerId: who.customerId,
    customerName: who.name,
    phone: who.phone,
    email: who.email,
    total: order.total,
    currency: order.currency,
    items: order.items,
    createdAt: order.createdAt,
    updatedAt: version,
    deletedAt: null,
  };
  await tx
    .insert(orders)
    .values({ orgId: source.orgId, sourceId: source.id, externalId: order.id, ...values })
    .onConflictDoUpdate({ target: [orders.sourceId, orders.externalId], set: values, setWhere: sql`${storedVersion} <= ${version.toISOString()}::timestamptz` });
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
