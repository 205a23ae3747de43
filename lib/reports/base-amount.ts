// Converts a row's amount to the organisation's base currency with the rate of a given day:
// the latest rate on or before that day (rates are "units of base per one unit of currency").
// A currency with no rate yet converts to NULL, and sums skip it, rather than inventing a rate.
// The one copy of this rule: the reports' facts (facts/fact-sql.ts), the deals list, traffic and
// customers all convert through it.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { exchangeRates } from "@/db/schema";

/** The organisation's base currency and time zone: given values, or columns of a joined organisations row. */
type OrgValue = string | AnyColumn;

export function baseAmountSql(row: { amount: AnyColumn; currency: AnyColumn; orgId: AnyColumn }, at: SQL | AnyColumn, baseCurrency: OrgValue, timeZone: OrgValue): SQL {
  const er = exchangeRates;
  return sql`(case when ${row.currency} = ${baseCurrency} then ${row.amount} else ${row.amount} * (
    select ${er.rate} from ${er}
    where ${er.orgId} = ${row.orgId} and ${er.currency} = ${row.currency}
      and ${er.day} <= (${at} at time zone ${timeZone})::date
    order by ${er.day} desc limit 1) end)`;
}
