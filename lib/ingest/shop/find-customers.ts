// The customers of a batch of orders, found or created with a few queries instead of a couple per
// order: the same rules as lib/customers/find-customer.ts (by E.164 phone, else by e-mail among
// customers without a phone; created on first sight with the first order's name and e-mail; ON
// CONFLICT and a re-read when another processor creates the same person at the same moment).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import type { Tx } from "@/db/types";
import { chunk } from "@/lib/canonical/upsert";
import type { OrderCustomer } from "./fold-orders";

export async function findOrCreateCustomers(tx: Tx, orgId: string, wanted: OrderCustomer[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byPhone = wanted.filter((c) => c.phone);
  const byEmail = wanted.filter((c) => !c.phone && c.email);
  const find = async () => {
    for (const part of chunk(byPhone.filter((c) => !ids.has(c.key)).map((c) => c.phone!))) {
      const rows = await tx.select({ id: customers.id, phone: customers.phone }).from(customers).where(and(eq(customers.orgId, orgId), inArray(customers.phone, part)));
      for (const row of rows) ids.set(`phone:${row.phone}`, row.id);
    }
    for (const part of chunk(byEmail.filter((c) => !ids.has(c.key)).map((c) => c.email!))) {
      const rows = await tx
        .select({ id: customers.id, email: customers.email })
        .from(customers)
        .where(and(eq(customers.orgId, orgId), isNull(customers.phone), inArray(customers.email, part)));
      for (const row of rows) ids.set(`email:${row.email}`, row.id);
    }
  };
  await find();
  const values = (list: OrderCustomer[]) => list.filter((c) => !ids.has(c.key)).map((c) => ({ orgId, phone: c.phone, email: c.email, name: c.name }));
  for (const part of chunk(values(byPhone))) {
    const rows = await tx.insert(customers).values(part).onConflictDoNothing({ target: [customers.orgId, customers.phone] }).returning({ id: customers.id, phone: customers.phone });
    for (const row of rows) ids.set(`phone:${row.phone}`, row.id);
  }
  for (const part of chunk(values(byEmail))) {
    const rows = await tx
      .insert(customers)
      .values(part)
      .onConflictDoNothing({ target: [customers.orgId, customers.email], where: sql`${customers.phone} is null` })
      .returning({ id: customers.id, email: customers.email });
    for (const row of rows) ids.set(`email:${row.email}`, row.id);
  }
  // Created meanwhile by another processor: read back.
  if (wanted.some((c) => !ids.has(c.key))) await find();
  return ids;
}
