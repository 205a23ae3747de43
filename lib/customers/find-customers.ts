// The customers orders belong to, found or created with a few queries for a whole batch: by E.164
// phone, else by lower-cased e-mail among customers without a phone; created on first sight with
// the first order's name and e-mail. Safe against two processors creating the same person at once
// (ON CONFLICT, then a re-read). One order's customer is a batch of one.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import type { Db } from "@/db/types";
import { chunk } from "@/lib/canonical/upsert";

/** A customer an order names; `key` is customerKey(phone, email). */
export type WantedCustomer = { key: string; phone: string | null; email: string | null; name: string | null };

/** Who an order's customer is: "phone:+7…" or "email:…", or null for an order that names neither. */
export function customerKey(phone: string | null, email: string | null): string | null {
  return phone ? `phone:${phone}` : email ? `email:${email}` : null;
}

/** The customer ids by key. */
export async function findOrCreateCustomers(tx: Db, orgId: string, wanted: WantedCustomer[]): Promise<Map<string, string>> {
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
  const values = (list: WantedCustomer[]) => list.filter((c) => !ids.has(c.key)).map((c) => ({ orgId, phone: c.phone, email: c.email, name: c.name }));
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

/** The customer of one order, or null when it names neither a phone nor an e-mail. */
export async function findOrCreateCustomer(db: Db, orgId: string, who: { phone: string | null; email: string | null }, name: string | null): Promise<string | null> {
  const key = customerKey(who.phone, who.email);
  if (!key) return null;
  return (await findOrCreateCustomers(db, orgId, [{ key, ...who, name }])).get(key) ?? null;
}
