// Times seeding the demo at the chosen scale into a brand-new database (created, migrated, dropped).
import { sql } from "drizzle-orm";
import { seedDemo } from "../../db/demo";
import { selectRows } from "../../db/migrate";
import { openFreshDatabase } from "../database";
import type { Workload } from "../harness";

const TABLES = ["companies", "contacts", "leads", "deals", "stage_changes", "activities", "customers", "orders", "ad_spend", "exchange_rates"];

export const seedWorkload: Workload = {
  name: "seed",
  description: "seedDemo at --deals scale into a fresh database (one timed run; rows/s over every table)",
  needsDataset: false,
  run: async (ctx) => {
    const fresh = await openFreshDatabase(ctx.url, "seed");
    try {
      await ctx.measure(
        `seed ${ctx.deals.toLocaleString("en")} deals`,
        () => seedDemo(fresh.db, { deals: ctx.deals, log: (m) => ctx.log(`  ${m}`) }),
        {
          iterations: 1,
          warmup: 0,
          rows: async () => {
            const counts = TABLES.map((t) => sql`(select count(*) from ${sql.identifier(t)})`);
            const [row] = await selectRows<{ n: number }>(fresh.db, sql`select (${sql.join(counts, sql` + `)})::int as n`);
            return row.n;
          },
        },
      );
    } finally {
      await fresh.drop();
    }
  },
};
