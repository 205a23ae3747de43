// The online shop: customers (one per phone) with their orders, some coming back five times and
// more, most buying once. A customer row here is only who the person is (id, phone, name, e-mail):
// their figures and category are the product's to compute from the orders (lib/customers/recompute.ts,
// called by ./index.ts), so the demo can never disagree with the Customers page.
import { nextShopOrderId, type Ctx } from "./context";
import { randomPerson, SHOP_PRODUCTS, uniquePhone } from "./names";
import type { OrderRow, ShopBatch } from "./rows";
import { DAY, later, sampleDay, timeOnDay } from "./timeline";

/** Customers per deal; with ~1.9 orders each that is ~0.75 orders per deal. */
export const CUSTOMERS_PER_DEAL = 0.4;
const ORDER_COUNTS = [1, 2, 3, 4, 5];
const ORDER_COUNT_WEIGHTS = [55, 18, 10, 6, 11];
const ITEM_COUNTS = [1, 2, 3, 4];
const ITEM_COUNT_WEIGHTS = [45, 30, 17, 8];

function orderStatus(ctx: Ctx, at: Date, isFirst: boolean): string {
  const { rnd } = ctx;
  const ageDays = (ctx.timeline.now.getTime() - at.getTime()) / DAY;
  if (ageDays < 1) return rnd.pick(["new", "paid"]);
  if (ageDays < 5) return rnd.chance(0.4) ? "paid" : "shipped";
  return !isFirst && rnd.chance(0.1) ? "cancelled" : "completed";
}

function makeItems(ctx: Ctx) {
  const { rnd } = ctx;
  const count = rnd.weighted(ITEM_COUNTS, ITEM_COUNT_WEIGHTS);
  const items = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const product = rnd.pick(SHOP_PRODUCTS);
    const quantity = rnd.weighted([1, 2, 3], [70, 22, 8]);
    total += product.price * quantity;
    items.push({ sku: product.sku, name: product.name, quantity, price: String(product.price) });
  }
  return { items, total };
}

function addCustomer(ctx: Ctx, batch: ShopBatch, index: number, phoneSalt: number): void {
  const { rnd, timeline, orgId } = ctx;
  const person = randomPerson(rnd, 0.5);
  const phone = uniquePhone(index, phoneSalt);
  const bucket = rnd.weighted(ORDER_COUNTS, ORDER_COUNT_WEIGHTS);
  const wanted = bucket === 5 ? rnd.int(5, 12) : bucket;
  // Loyal customers need time to come back that often: they start earlier (the earlier of two draws).
  const firstDay = wanted >= 5 ? Math.min(sampleDay(timeline, rnd), sampleDay(timeline, rnd)) : sampleDay(timeline, rnd);
  const customerId = rnd.uuid();
  const orders: OrderRow[] = [];
  let at: Date | null = timeOnDay(timeline, rnd, firstDay);
  for (let k = 0; k < wanted && at; k++) {
    const { items, total } = makeItems(ctx);
    const status = orderStatus(ctx, at, k === 0);
    const externalId = nextShopOrderId(ctx);
    orders.push({
      id: rnd.uuid(), orgId, sourceId: ctx.sources.shop, externalId, number: `№${externalId}`, status, customerId,
      customerName: person.name, phone, email: person.email, total: String(total), currency: "KZT", items,
      createdAt: at, updatedAt: new Date(Math.min(timeline.now.getTime(), at.getTime() + Math.floor(rnd.exponential(DAY)))), deletedAt: null,
    });
    at = later(timeline, at, 2 + rnd.exponential(40));
  }
  batch.customers.push({ id: customerId, orgId, phone, name: person.name, email: person.email, createdAt: orders[0].createdAt });
  batch.orders.push(...orders);
}

export function* generateShop(ctx: Ctx, customers: number, batchCustomers: number): Generator<ShopBatch> {
  const phoneSalt = ctx.rnd.int(0, 9_999_999);
  let batch: ShopBatch = { customers: [], orders: [] };
  for (let i = 0; i < customers; i++) {
    addCustomer(ctx, batch, i, phoneSalt);
    if (batch.customers.length >= batchCustomers) {
      yield batch;
      batch = { customers: [], orders: [] };
    }
  }
  if (batch.customers.length > 0) yield batch;
}
