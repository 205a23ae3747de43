// A customer's name (and, for one known by phone, e-mail) is filled from their latest order only
// while it is empty (lib/customers/recompute.ts), so in a batch it matters which order came first.
// For the few customers with such a gap, this replays the batch's steps as one-by-one processing
// would have recomputed them and returns the values they would have been filled with.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { customers, orders } from "@/db/schema";
import type { Tx } from "@/db/types";
import type { CustomerRef, FoldStep } from "./fold-orders";

type Attached = { createdAt: number; name: string | null; email: string | null };
type Gap = { name: string | null; phone: string | null; email: string | null; orders: Map<string, Attached> };
export type CustomerFill = { name: string | null; email: string | null };

export async function replayCustomerFills(tx: Tx, source: { id: string; orgId: string }, steps: FoldStep[], idOf: (ref: CustomerRef) => string | null): Promise<Map<string, CustomerFill>> {
  const touched = [...new Set(steps.flatMap((step) => step.touched.map(idOf)).filter((id): id is string => id !== null))];
  if (touched.length === 0) return new Map();
  const rows = await tx.select({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email }).from(customers).where(inArray(customers.id, touched));
  const gaps = new Map<string, Gap>();
  for (const row of rows) if (row.name === null || (row.phone !== null && row.email === null)) gaps.set(row.id, { ...row, orders: new Map() });
  dropGapsTheBatchCannotFill(gaps, steps, idOf);
  if (gaps.size === 0) return new Map();

  // Where each order counted when the batch began (any source of the organisation).
  const home = new Map<string, string>();
  const live = await tx
    .select({ customerId: orders.customerId, sourceId: orders.sourceId, externalId: orders.externalId, createdAt: orders.createdAt, name: orders.customerName, email: orders.email })
    .from(orders)
    .where(and(eq(orders.orgId, source.orgId), inArray(orders.customerId, [...gaps.keys()]), isNull(orders.deletedAt)));
  for (const row of live) {
    const key = `${row.sourceId}:${row.externalId}`;
    gaps.get(row.customerId!)?.orders.set(key, { createdAt: row.createdAt.getTime(), name: row.name, email: row.email });
    home.set(key, row.customerId!);
  }
  const start = new Map([...gaps].map(([id, gap]) => [id, { name: gap.name, email: gap.email }]));

  for (const step of steps) {
    const key = `${source.id}:${step.orderId}`;
    if (step.order) {
      const was = home.get(key);
      if (was) gaps.get(was)?.orders.delete(key);
      home.delete(key);
      const to = step.order === "removed" ? null : step.order.to && idOf(step.order.to);
      if (to && step.order !== "removed") {
        gaps.get(to)?.orders.set(key, { createdAt: step.order.createdAt.getTime(), name: step.order.name, email: step.order.email });
        home.set(key, to);
      }
    }
    for (const ref of step.touched) {
      const gap = gaps.get(idOf(ref) ?? "");
      if (!gap) continue;
      gap.name ??= latest(gap.orders, "name");
      if (gap.phone !== null) gap.email ??= latest(gap.orders, "email");
    }
  }
  const fills = new Map<string, CustomerFill>();
  for (const [id, gap] of gaps) {
    const before = start.get(id)!;
    if (gap.name !== before.name || gap.email !== before.email) fills.set(id, { name: gap.name, email: gap.email });
  }
  return fills;
}

/**
 * A customer whose every step in the batch only adds an order of its own without the missing value
 * (a phone customer with no e-mail, buying again with no e-mail: the common case) ends as the final
 * recompute leaves it: the orders that could fill it are all stored, so the latest of them is the
 * same at each step and at the end. Replaying it would only cost reading its orders.
 */
function dropGapsTheBatchCannotFill(gaps: Map<string, Gap>, steps: FoldStep[], idOf: (ref: CustomerRef) => string | null) {
  const canFill = new Set<string>();
  for (const step of steps) {
    for (const ref of step.touched) {
      const id = idOf(ref);
      const gap = id ? gaps.get(id) : undefined;
      if (!id || !gap || canFill.has(id)) continue;
      const order = step.order;
      const addsOwnOrder = order !== null && order !== "removed" && order.to !== null && idOf(order.to) === id;
      const bringsName = gap.name === null && addsOwnOrder && order.name !== null;
      const bringsEmail = gap.phone !== null && gap.email === null && addsOwnOrder && order.email !== null;
      if (!addsOwnOrder || bringsName || bringsEmail) canFill.add(id);
    }
  }
  for (const id of [...gaps.keys()]) if (!canFill.has(id)) gaps.delete(id);
}

/** The value of the newest (by creation) order that has one, as the recompute's array_agg picks it. */
function latest(attached: Map<string, Attached>, field: "name" | "email"): string | null {
  let best: Attached | null = null;
  for (const order of attached.values()) if (order[field] !== null && (!best || order.createdAt > best.createdAt)) best = order;
  return best?.[field] ?? null;
}
