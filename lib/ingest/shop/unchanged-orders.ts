// Orders a batch names once and that are already stored exactly as sent (a re-import of the same
// file, a re-sent webhook): writing them would change nothing and their customers' figures cannot
// move, so the batch neither writes nor recomputes them. The comparison is exact; a value spelled
// differently (1000.5 for a stored 1000.50) only costs the write that finds it equal.
import type { FoldStep } from "./fold-orders";

/** Every column an order upsert writes. */
export type OrderContent = {
  externalId: string;
  number: string | null;
  status: string;
  customerId: string | null;
  customerName: string | null;
  phone: string | null;
  email: string | null;
  total: string;
  currency: string;
  items: unknown;
  createdAt: Date;
  updatedAt: Date | null;
  deletedAt: Date | null;
};

/** One comparable string of an order's columns: object keys sorted, as jsonb keeps its own key order. */
export function orderContent(row: Omit<OrderContent, "externalId">): string {
  const time = (value: Date | null) => value?.getTime() ?? null;
  return stableJson([row.number, row.status, row.customerId, row.customerName, row.phone, row.email, row.total, row.currency, row.items, time(row.createdAt), time(row.updatedAt), time(row.deletedAt)]);
}

export function unchangedOrders(upserts: OrderContent[], storedContent: Map<string, string>, steps: FoldStep[]): Set<string> {
  const named = new Map<string, number>();
  for (const step of steps) named.set(step.orderId, (named.get(step.orderId) ?? 0) + 1);
  const unchanged = new Set<string>();
  for (const row of upserts) {
    // An order named several times keeps all its steps: its customers may have changed in between.
    if (named.get(row.externalId) !== 1) continue;
    const before = storedContent.get(row.externalId);
    if (before !== undefined && before === orderContent(row)) unchanged.add(row.externalId);
  }
  return unchanged;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${stableJson(child)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
