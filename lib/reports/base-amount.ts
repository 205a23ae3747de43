// Converts a row's amount to the organisation's base currency with the rate of a given day:
// the latest rate on or before that day (rates are "units of base per one unit of currency").
// A currency with no rate yet converts to NULL, and sums skip it, rather than inventing a rate.
// The one copy of this rule: the reports' facts (facts/fact-sql.ts), the deals list, traffic and
// customers all convert through it.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { exchangeRates } from "@/db/schema";

/** The organisation's base currency and time zone: given values, or columns of a joined organisations row. */
type OrgValue = string | AnyColumn;

type AmountRow = { amount: AnyColumn; currency: AnyColumn; orgId: AnyColumn };

/** The rate of the row's currency on its day's date: the latest on or before it. */
const rateOfDay = (row: AmountRow, at: SQL | AnyColumn, timeZone: OrgValue) => {
  const er = exchangeRates;
  return sql`from ${er} where ${er.orgId} = ${row.orgId} and ${er.currency} = ${row.currency}
      and ${er.day} <= (${at} at time zone ${timeZone})::date
    order by ${er.day} desc limit 1`;
};

export function baseAmountSql(row: { amount: AnyColumn; currency: AnyColumn; orgId: AnyColumn }, at: SQL | AnyColumn, baseCurrency: OrgValue, timeZone: OrgValue): SQL {
  return sql`(case when ${row.currency} = ${baseCurrency} then ${row.amount} else ${row.amount} * (
    select ${exchangeRates.rate} ${rateOfDay(row, at, timeZone)}) end)`;
}

/**
 * `format` of the base amount, for a query that reads it more than once (an export writing its
 * text): the rate lookup hands back the formatted amount itself, so it runs once per row, not once
 * per mention of the amount.
 */
export function formattedBaseAmountSql(row: AmountRow, at: SQL | AnyColumn, baseCurrency: string, timeZone: string, format: (amount: SQL) => SQL): SQL {
  return sql`(case when ${row.currency} = ${baseCurrency} then ${format(sql`${row.amount}`)} else (
    select ${format(sql`(${row.amount} * ${exchangeRates.rate})`)} ${rateOfDay(row, at, timeZone)}) end)`;
}
