// Column helpers shared by every schema file, so that tenant tables look the same everywhere.
import { numeric, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();
export const orgId = () => uuid("org_id").notNull();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const ts = (name: string) => timestamp(name, { withTimezone: true });
/** Money is exact: numeric(18,2), read back as a string and never as a float. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
