// What keeping the report facts current costs a writer: refreshReportFacts for one deal (with its
// stage changes and lead), for a batch of 500 deals as a sync page would send, and for one lead and
// one activity. The rows are refreshed as they are, so the facts come out unchanged.
import { sql } from "drizzle-orm";
import { selectRows } from "../../db/migrate";
import { refreshReportFacts } from "../../lib/reports/facts/refresh";
import type { Workload } from "../harness";

const ITERATIONS = 30;

export const reportFactsWorkload: Workload = {
  name: "report-facts",
  description: `refreshReportFacts for 1 deal, 500 deals, 1 lead and 1 activity, ${ITERATIONS} calls each`,
  run: async (ctx) => {
    const sample = async (table: string, n: number) =>
      (await selectRows<{ id: string }>(ctx.db, sql`select id from ${sql.identifier(table)} where org_id = ${ctx.orgId} and deleted_at is null order by random() limit ${n}`)).map((r) => r.id);
    const deals = await sample("deals", ITERATIONS * 2 + 500);
    const leads = await sample("leads", ITERATIONS * 2);
    const activities = await sample("activities", ITERATIONS * 2);
    let next = 0;
    await ctx.measure("refresh 1 deal", () => refreshReportFacts(ctx.db, ctx.orgId, { dealIds: [deals[next++ % deals.length]] }), { iterations: ITERATIONS, warmup: 2 });
    await ctx.measure("refresh 500 deals", () => refreshReportFacts(ctx.db, ctx.orgId, { dealIds: deals.slice(0, 500) }), { iterations: 5, warmup: 1, rows: 500 });
    next = 0;
    await ctx.measure("refresh 1 lead", () => refreshReportFacts(ctx.db, ctx.orgId, { leadIds: [leads[next++ % leads.length]] }), { iterations: ITERATIONS, warmup: 2 });
    next = 0;
    await ctx.measure("refresh 1 activity", () => refreshReportFacts(ctx.db, ctx.orgId, { activityIds: [activities[next++ % activities.length]] }), {
      iterations: ITERATIONS,
      warmup: 2,
    });
  },
};
