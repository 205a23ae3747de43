// Recomputes every customer of an organisation (or of all) from their orders: one customer per
// transaction, so one bad record cannot stop the rest; the report names each failure and its cause.
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { customers, orders, organisations } from "@/db/schema";
import type { Db } from "@/db/types";
import { findOrCreateCustomer } from "./find-customers";
import { normalizeEmail, normalizePhone } from "./normalize";
import { loadOrgContext, recomputeCustomer } from "./recompute";

export type RebuildFailure = { customerId: string; phone: string | null; email: string | null; error: string };
export type RebuildReport = { organisations: number; linkedOrders: number; customers: number; failed: RebuildFailure[] };

const PAGE = 500;

export async function rebuildCustomers(db: Db, options: { orgId?: string; onProgress?: (done: number) => void } = {}): Promise<RebuildReport> {
  const orgIds = options.orgId ? [options.orgId] : (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id);
  const report: RebuildReport = { organisations: orgIds.length, linkedOrders: 0, customers: 0, failed: [] };
  for (const orgId of orgIds) {
    const org = await loadOrgContext(db, orgId);
    report.linkedOrders += await linkOrphanOrders(db, orgId, org.country);
    let after = "";
    for (;;) {
      const page = await db
        .select({ id: customers.id, phone: customers.phone, email: customers.email })
        .from(customers)
        .where(and(eq(customers.orgId, orgId), after ? gt(customers.id, after) : undefined))
        .orderBy(asc(customers.id))
        .limit(PAGE);
      if (page.length === 0) break;
      for (const customer of page) {
        try {
          await db.transaction((tx) => recomputeCustomer(tx, org, customer.id));
          report.customers++;
        } catch (error) {
          report.failed.push({ ...{ customerId: customer.id, phone: customer.phone, email: customer.email }, error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) });
        }
        options.onProgress?.(report.customers + report.failed.length);
      }
      after = page[page.length - 1].id;
    }
  }
  return report;
}

/** Orders that arrived without a customer (or before this code existed) get one by phone or e-mail. */
async function linkOrphanOrders(db: Db, orgId: string, country: string): Promise<number> {
  const orphans = await db
    .select({ id: orders.id, phone: orders.phone, email: orders.email, name: orders.customerName })
    .from(orders)
    .where(and(eq(orders.orgId, orgId), isNull(orders.customerId), isNull(orders.deletedAt), or(sql`${orders.phone} is not null`, sql`${orders.email} is not null`)));
  let linked = 0;
  for (const order of orphans) {
    const phone = normalizePhone(order.phone, country);
    const email = normalizeEmail(order.email);
    const customerId = await db.transaction(async (tx) => {
      const id = await findOrCreateCustomer(tx, orgId, { phone, email }, order.name);
      if (id) await tx.update(orders).set({ customerId: id, phone, email }).where(eq(orders.id, order.id));
      return id;
    });
    if (customerId) linked++;
  }
  return linked;
}
