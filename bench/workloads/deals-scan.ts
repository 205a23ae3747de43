// Won deals per month (count and sum in the base currency) for the whole organisation, one
// director's department and one manager: the shape of the sales report's main query.
import { and, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { crmUsers, deals, exchangeRates, organisations, stages, users } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Workload } from "../harness";

async function wonPerMonth(db: Db, orgId: string, timezone: string, scope: SQL | undefined) {
  // The zone is inlined (it is validated below) so that the SELECT and GROUP BY expressions match.
  const month = sql<string>`to_char(${deals.closedAt} at time zone ${sql.raw(`'${timezone}'`)}, 'YYYY-MM')`;
  const day = sql`(${deals.closedAt} at time zone ${sql.raw(`'${timezone}'`)})::date`;
  return db
    .select({ month, won: count(), amount: sql<string>`sum(${deals.amount} * coalesce(${exchangeRates.rate}, 1))` })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .leftJoin(exchangeRates, and(eq(exchangeRates.orgId, deals.orgId), eq(exchangeRates.currency, deals.currency), eq(exchangeRates.day, day)))
    .where(and(eq(deals.orgId, orgId), eq(stages.semantic, "won"), isNull(deals.deletedAt), scope))
    .groupBy(month)
    .orderBy(month);
}

export const dealsScanWorkload: Workload = {
  name: "deals-scan",
  description: "won deals per month (count, sum in KZT) for the organisation, a director's department and one manager",
  run: async (ctx) => {
    const [org] = await ctx.db.select({ timezone: organisations.timezone }).from(organisations).where(eq(organisations.id, ctx.orgId));
    if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(org.timezone)) throw new Error(`unexpected time zone ${org.timezone}`);
    const director = ctx.users.directors[0];
    const manager = ctx.users.managers[0];
    const departmentCrmUsers = ctx.db
      .select({ id: crmUsers.id })
      .from(crmUsers)
      .innerJoin(users, eq(users.id, crmUsers.userId))
      .where(and(eq(crmUsers.orgId, ctx.orgId), eq(users.departmentId, director.departmentId!)));
    const scopes: [string, SQL | undefined][] = [
      ["organisation", undefined],
      [`department of ${director.email.split("@")[0]}`, inArray(deals.crmUserId, departmentCrmUsers)],
      [`manager ${manager.email.split("@")[0]}`, inArray(deals.crmUserId, manager.crmUserIds)],
    ];
    for (const [label, scope] of scopes) {
      let rows = 0;
      await ctx.measure(
        `won per month: ${label}`,
        async () => {
          const result = await wonPerMonth(ctx.db, ctx.orgId, org.timezone, scope);
          rows = result.reduce((sum, r) => sum + r.won, 0);
        },
        { iterations: 20, warmup: 2, rows: async () => rows },
      );
      ctx.log(`  ${label}: ${rows.toLocaleString("en")} won deals aggregated per iteration`);
    }
  },
};
