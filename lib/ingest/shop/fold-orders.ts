// What a batch of shop webhooks leaves behind, worked out in memory from the stored orders, event
// by event with the same rules as applying them one at a time (./apply-order.ts): newest wins on
// the order's version, a delete leaves a tombstone an older create cannot lift, a newer change
// lifts it. One write per order remains, and the customers each step named or left.
import type { ShopOrder, ShopWebhook } from "./order-schema";
import { customerKey, type WantedCustomer } from "@/lib/customers/find-customers";

export type StoredOrder = { customerId: string | null; version: number; isDeleted: boolean };

/** A customer by id (stored) or by the key an order names (found or created later, in order). */
export type CustomerRef = { id: string } | { key: string };
export type OrderCustomer = WantedCustomer;

export type OrderWrite =
  /** The whole order; `deletedAt` set when a later delete in the batch removed it again. */
  | { kind: "upsert"; order: ShopOrder; customer: OrderCustomer | null; phone: string | null; email: string | null; name: string | null; updatedAt: Date; deletedAt: Date | null }
  /** Only deletes: a tombstone, or the stored order marked deleted. */
  | { kind: "delete"; at: Date };

/**
 * One event that (applied alone) would recompute customers: the customers it touched, and what
 * became of its order — now counted for `to` (an upsert), no longer counted (a delete), or
 * unchanged (null). Replayed by ./customer-fills.ts.
 */
export type FoldStep = {
  orderId: string;
  touched: CustomerRef[];
  order: { to: CustomerRef | null; createdAt: Date; name: string | null; email: string | null } | "removed" | null;
};

export type FoldedOrders = {
  writes: Map<string, OrderWrite>;
  /** Customers to find or create, in the order the events name them (the first name wins). */
  customers: OrderCustomer[];
  steps: FoldStep[];
};

export type FoldInput = { webhook: ShopWebhook; receivedAt: Date; who: { phone: string | null; email: string | null; name: string | null } };

type State = { exists: boolean; version: number; isDeleted: boolean; customer: CustomerRef | null; write: OrderWrite | null };

export function foldOrderEvents(stored: Map<string, StoredOrder>, events: FoldInput[]): FoldedOrders {
  const states = new Map<string, State>();
  const customers = new Map<string, OrderCustomer>();
  const steps: FoldStep[] = [];
  const stateOf = (id: string): State => {
    let state = states.get(id);
    if (!state) {
      const row = stored.get(id);
      state = row
        ? { exists: true, version: row.version, isDeleted: row.isDeleted, customer: row.customerId ? { id: row.customerId } : null, write: null }
        : { exists: false, version: 0, isDeleted: false, customer: null, write: null };
      states.set(id, state);
    }
    return state;
  };

  for (const { webhook, receivedAt, who } of events) {
    const state = stateOf(webhook.order.id);
    if (webhook.event === "order.deleted") {
      const touched = state.customer ? [state.customer] : [];
      const at = webhook.order.updatedAt ?? receivedAt;
      const isEffective = !state.exists || (!state.isDeleted && state.version <= at.getTime());
      if (!state.exists) {
        Object.assign(state, { exists: true, version: at.getTime(), isDeleted: true, customer: null, write: { kind: "delete", at } });
      } else if (isEffective) {
        state.write = state.write?.kind === "upsert" ? { ...state.write, updatedAt: at, deletedAt: at } : { kind: "delete", at };
        Object.assign(state, { version: at.getTime(), isDeleted: true });
      }
      steps.push({ orderId: webhook.order.id, touched, order: isEffective ? "removed" : null });
      continue;
    }
    const order = webhook.order;
    const version = order.updatedAt ?? order.createdAt;
    // An older change than the stored one: nothing to do (and no customer to create for it).
    if (state.exists && state.version > version.getTime()) continue;
    const touched = state.customer ? [state.customer] : [];
    const key = customerKey(who.phone, who.email);
    let customer: OrderCustomer | null = null;
    if (key) {
      customer = customers.get(key) ?? { key, ...who };
      customers.set(key, customer);
      touched.push({ key });
    }
    state.write = { kind: "upsert", order, customer, ...who, updatedAt: version, deletedAt: null };
    Object.assign(state, { exists: true, version: version.getTime(), isDeleted: false, customer: key ? { key } : null });
    steps.push({ orderId: order.id, touched, order: { to: state.customer, createdAt: order.createdAt, name: who.name, email: who.email } });
  }
  const writes = new Map<string, OrderWrite>();
  for (const [id, state] of states) if (state.write) writes.set(id, state.write);
  return { writes, customers: [...customers.values()], steps };
}
