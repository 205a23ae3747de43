// The deals CSV as PostgreSQL writes it with COPY: each column formatted in SQL into exactly the
// text the JavaScript writers (csvCellWriter) write — the formula guard, amounts, local times —
// so the database hands over finished CSV and Node only passes it on.
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { crmUsers, deals, pipelines, sources, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";
import { joinDealRelations, prepareDealQuery, type DealListFilters, type DealListRow, type OrgSettings } from "@/lib/deals/deal-list";
import { orderByKey, rateDay } from "@/lib/deals/deal-list-sql";
import { formattedBaseAmountSql } from "@/lib/reports/base-amount";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import type { CsvStyle } from "../csv";
import type { Column } from "../model";
import { inlineParams } from "./inline-params";

export type Expression = SQL | AnyPgColumn;

/**
 * Text with the formula guard of `neutraliseFormula` (a leading `'` before = + - @ tab CR: code
 * points 61 43 45 64 9 13). An empty text becomes NULL, because COPY writes NULL as nothing but an
 * empty string as `""`, and the JavaScript writers write both as nothing. A text whose first byte
 * is "A" or above (a letter, Latin or not) is neither: it passes on one byte comparison, which
 * made the guard cheap enough for every text column of a million rows.
 */
export const textCell = (value: Expression) =>
  sql`(case when ${value} >= 'A' collate "C" then ${value} when ascii(${value}) in (9, 13, 43, 45, 61, 64) then '''' || ${value} else nullif(${value}, '') end)`;

/**
 * An amount of numeric(18,2) as `Number(text).toFixed(2)` writes it. Below 2^46 the double nearest
 * to a two-decimal amount is less than half a cent away, so that is the amount's own text; above,
 * the double (a multiple of 1/64 there) is taken exactly and rounded half away from zero, as
 * toFixed does.
 */
function moneyCell(value: Expression, style: CsvStyle): SQL {
  const text = sql`(case when abs(${value}) < 70368744177664 then (${value})::text else round(((${value})::float8 * 64)::int8::numeric * 0.015625, 2)::text end)`;
  return style.decimal === "," ? sql`replace(${text}, '.', ',')` : text;
}

/** `localDateTime`: "2025-03-01 15:04" in the organisation's zone, seconds cut off; FM: a year before 1000 unpadded, as JavaScript writes it. */
const dateTimeCell = (value: Expression, timeZone: string) => sql`to_char(${value} at time zone ${timeZone}, 'FMYYYY-MM-DD HH24:MI')`;

/** Each deals column's value in SQL, by the column's key (deal-columns.ts holds the same values in JavaScript). */
export function columnValue(key: string, t: ExportMessages, baseAmount: SQL): Expression {
  switch (key) {
    case "externalId":
      return deals.externalId;
    case "title":
      return deals.title;
    case "managerName":
      return sql`coalesce(${crmUsers.name}, ${t.noManager})`;
    case "pipelineName":
      return pipelines.name;
    case "stageName":
      return stages.name;
    case "semantic":
      return sql`(case ${stages.semantic} when 'open' then ${t.semantic.open} when 'won' then ${t.semantic.won} when 'lost' then ${t.semantic.lost} end)`;
    case "amount":
      return deals.amount;
    case "currency":
      return deals.currency;
    case "baseAmount":
      return sql`(${baseAmount})::numeric(18,2)`;
    case "createdAt":
      return deals.createdAt;
    case "closedAt":
      return deals.closedAt;
    case "sourceName":
      return sources.name;
    case "utmSource":
      return deals.utmSource;
    case "utmMedium":
      return deals.utmMedium;
    case "utmCampaign":
      return deals.utmCampaign;
  }
  throw new Error(`the deals CSV has no SQL for the column "${key}"`);
}

function csvField(column: Column<DealListRow>, t: ExportMessages, baseAmount: SQL, style: CsvStyle, org: OrgSettings, timeZone: string): SQL {
  // The base amount's text mentions it twice: formatted inside its rate lookup, which then runs once.
  if (column.key === "baseAmount") return formattedBaseAmountSql(deals, rateDay, org.baseCurrency, org.timezone, (amount) => moneyCell(sql`(${amount})::numeric(18,2)`, style));
  const value = columnValue(column.key, t, baseAmount);
  switch (column.type) {
    case "text":
      return textCell(value);
    case "money":
    case "amount":
      return moneyCell(value, style);
    case "datetime":
      return dateTimeCell(value, timeZone);
  }
  throw new Error(`the deals CSV cannot format the column "${column.key}" in SQL`);
}

export type DealsCsvInput = { db: Db; scope: Scope; filters: DealListFilters; columns: Column<DealListRow>[]; t: ExportMessages; style: CsvStyle; timeZone: string; rowLimit: number; now: Date };

/**
 * The deals matching the filters — the list's own WHERE clause, joins and order — each column the
 * CSV text of its cell (NULL for an empty one). Checks the filters against the scope first, as the list does.
 */
export async function dealsCsvSelect({ db, scope, filters, columns, t, style, timeZone, rowLimit, now }: DealsCsvInput) {
  const { org, baseAmount, where, key } = await prepareDealQuery(db, scope, filters, now);
  const fields = Object.fromEntries(columns.map((column, index) => [`c${index}`, csvField(column, t, baseAmount, style, org, timeZone)]));
  // Wrapped: a drizzle query is a thenable, which an async function would run instead of returning.
  return {
    query: joinDealRelations(db.select(fields).from(deals).$dynamic())
      .where(where)
      .orderBy(...orderByKey(key, filters.order))
      .limit(rowLimit),
  };
}

/** `COPY (…) TO STDOUT` of `dealsCsvSelect` as CSV rows without a header: NULL as nothing, quotes doubled. */
export async function dealsCopySql(input: DealsCsvInput): Promise<string> {
  const { query } = await dealsCsvSelect(input);
  const select = inlineParams(query.toSQL());
  return `copy (${select}) to stdout with (format csv, delimiter '${input.style.delimiter === ";" ? ";" : ","}')`;
}
