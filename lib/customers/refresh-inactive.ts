// "Inactive" depends on today, not only on orders: customers whose last order has aged past the
// organisation's limit move to inactive without an order arriving. Run by the webhooks cron.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";

export async function refreshInactiveCustomers(db: Db): Promise<void> {
  await db.execute(sql`
    update customers c set category = 'inactive'
    where c.category <> 'inactive' and c.last_order_at is not null
      and c.last_order_at < now() - make_interval(days => coalesce((select s.inactive_days from customer_settings s where s.org_id = c.org_id), 180))`);
}
