// A shop's history imported through POST /api/sources/<id>/orders/import's own function: BENCH_ORDERS
// orders (default 1,000,000) as JSON lines, generated while they are read so the file costs no
// memory, for ~BENCH_ORDERS/3 customers (one per phone, each buying three times on average), then
// the same file again (idempotent: nothing changes). Prints orders/s of each pass and the peak RSS
// growth; target ≥ 5,000 orders/s with flat memory (issue 19).
import { eq } from "drizzle-orm";
import { organisations, sources } from "../../db/schema";
import { importShopOrders } from "../../lib/ingest/shop/import-orders";
import { summarize } from "../stats";
import type { Workload } from "../harness";

const DEFAULT_ORDERS = 1_000_000;
/** Lines handed to the importer per stream chunk, as a network read would hand it several. */
const LINES_PER_CHUNK = 200;

function orderLine(index: number, customers: number): string {
  const customer = index % customers;
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 700) * 86_400_000 + (index % 86_400) * 1000);
  return JSON.stringify({
    id: `H-${index}`,
    number: String(100_000 + index),
    status: index % 10 === 0 ? "cancelled" : "completed",
    createdAt: day.toISOString(),
    total: `${1000 + (index % 50_000)}.50`,
    currency: "KZT",
    customer: { name: `Покупатель ${customer}`, phone: `+7701${String(customer).padStart(7, "0")}` },
    items: [{ sku: `SKU-${index % 500}`, name: "Товар", quantity: 1, price: `${1000 + (index % 50_000)}.50` }],
  });
}

/** The whole file as a stream, each chunk made when the importer asks for it. */
function ordersFile(count: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const customers = Math.max(1, Math.round(count / 3));
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next >= count) return controller.close();
      const lines: string[] = [];
      for (let i = 0; i < LINES_PER_CHUNK && next < count; i++) lines.push(orderLine(next++, customers));
      controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
    },
  });
}

export const ordersImportWorkload: Workload = {
  name: "orders-import",
  description: "a shop's past orders imported as JSON lines (BENCH_ORDERS, default 1,000,000), then again; orders/s and memory",
  needsDataset: false,
  run: async (ctx) => {
    const count = Number(process.env.BENCH_ORDERS ?? DEFAULT_ORDERS);
    if (!Number.isInteger(count) || count <= 0) throw new Error(`BENCH_ORDERS must be a positive whole number, not ${process.env.BENCH_ORDERS}`);
    const [org] = await ctx.db.insert(organisations).values({ name: "Orders import bench", timezone: "Asia/Almaty", baseCurrency: "KZT" }).returning();
    try {
      const [shop] = await ctx.db.insert(sources).values({ orgId: org.id, kind: "shop", name: "Bench shop", webhookSecret: "bench-secret-not-used" }).returning();
      for (const pass of ["first import", "same file again"]) {
        ctx.log(`${pass}: ${count.toLocaleString("en")} orders`);
        const started = performance.now();
        const report = await importShopOrders(ctx.db, shop, ordersFile(count));
        const ms = performance.now() - started;
        if (report.imported !== count || report.rejected !== 0) throw new Error(`${pass}: ${report.imported} imported, ${report.rejected} rejected of ${count}`);
        ctx.log(`${pass}: ${Math.round((count / ms) * 1000).toLocaleString("en")} orders/s`);
        ctx.record(summarize(pass, [ms], count));
      }
    } finally {
      await ctx.db.delete(organisations).where(eq(organisations.id, org.id));
    }
  },
};
