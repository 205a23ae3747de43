// Converts a row's amount to the organisation's base currency with the rate of a given day:
// the latest rate on or before that day (rates are "units of base per one unit of currency").
// A currency with no rate yet converts to NULL, and sums skip it, rather than inventing a rate.
import { sql, type SQL, type AnyColumn } from "drizzle-orm";

export function baseAmountSql(row: { amount: AnyColumn; currency: AnyColumn; orgId: AnyColumn }, at: SQL | AnyColumn, baseCurrency: string, timeZone: string): SQL {
  return sql`(case when ${row.currency} = ${baseCurrency} then ${row.amount} else ${row.amount} * (
    select er.rate from exchange_rates er
    where er.org_id = ${row.orgId} and er.currency = ${row.currency}
      and er.day <= (${at} at time zone ${timeZone})::date
    order by er.day desc limit 1) end)`;
}
