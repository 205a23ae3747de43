// The organisation's customer thresholds; no row means the defaults.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { customerSettings } from "@/db/schema";
import type { Db } from "@/db/types";
import { DEFAULT_CUSTOMER_SETTINGS, type CustomerSettingsValues } from "./categorize";

export const customerSettingsSchema = z.object({
  vipTotalThreshold: z.coerce.number().positive().max(1e15).transform((value) => value.toFixed(2)),
  inactiveDays: z.coerce.number().int().min(1).max(3650),
});

export async function getCustomerSettings(db: Db, orgId: string): Promise<CustomerSettingsValues> {
  const [row] = await db.select().from(customerSettings).where(eq(customerSettings.orgId, orgId)).limit(1);
  return row ? { vipTotalThreshold: row.vipTotalThreshold, inactiveDays: row.inactiveDays } : DEFAULT_CUSTOMER_SETTINGS;
}

export async function saveCustomerSettings(db: Db, orgId: string, input: unknown): Promise<CustomerSettingsValues> {
  const values = customerSettingsSchema.parse(input);
  await db
    .insert(customerSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: customerSettings.orgId, set: { ...values, updatedAt: new Date() } });
  return values;
}
