// "Inactive" depends on today, not only on orders: customers whose last order has aged past the
// organisation's limit move to inactive without an order arriving. Run by the webhooks cron; a
// suspended organisation's customers wait until it is resumed.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { orgIsActive } from "@/lib/hosted/suspension";

export async function refreshInactiveCustomers(db: Db): Promise<void> {
  await db.execute(sql`
    update customers c set category = 'inactive'
    where c.category <> 'inactive' and c.last_order_at is not null
      and c.last_order_at < now() - make_interval(days => coalesce((select s.inactive_days from customer_settings s where s.org_id = c.org_id), 180))
      and ${orgIsActive(sql`c.org_id`)}`);
}
