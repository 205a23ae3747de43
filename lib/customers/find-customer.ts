// The customer an order belongs to: by E.164 phone, else by lower-cased e-mail; created on first
// sight. Safe against two processors creating the same person at once (ON CONFLICT, then re-read).
import { and, eq, isNull, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import type { Db, Tx } from "@/db/types";

export type CustomerKey = { phone: string | null; email: string | null };

export async function findOrCreateCustomer(db: Db | Tx, orgId: string, key: CustomerKey, name: string | null): Promise<string | null> {
  if (!key.phone && !key.email) return null;
  const match = key.phone ? and(eq(customers.orgId, orgId), eq(customers.phone, key.phone)) : and(eq(customers.orgId, orgId), isNull(customers.phone), eq(customers.email, key.email!));
  const [existing] = await db.select({ id: customers.id }).from(customers).where(match).limit(1);
  if (existing) return existing.id;
  const values = { orgId, phone: key.phone, email: key.email, name };
  const inserted = key.phone
    ? await db.insert(customers).values(values).onConflictDoNothing({ target: [customers.orgId, customers.phone] }).returning({ id: customers.id })
    : await db
        .insert(customers)
        .values(values)
        .onConflictDoNothing({ target: [customers.orgId, customers.email], where: sql`${customers.phone} is null` })
        .returning({ id: customers.id });
  if (inserted[0]) return inserted[0].id;
  const [raced] = await db.select({ id: customers.id }).from(customers).where(match).limit(1);
  return raced?.id ?? null;
}
