// The deals sheet's cells as PostgreSQL hands them over with a binary COPY: each column already
// the text of its cell — the formula guard on text, Excel's serial day of a local time — so Node
// only writes them into the sheet's XML (deals-xlsx-copy.ts), with exactly the text the row-object
// path writes (xlsxValue + xlsxRowRenderer). Amounts come as their decimal text: `Number()` of it
// in Node is what that path does too.
import { sql, type SQL } from "drizzle-orm";
import { deals } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";
import { joinDealRelations, prepareDealQuery, type DealListFilters, type DealListRow } from "@/lib/deals/deal-list";
import { orderByKey } from "@/lib/deals/deal-list-sql";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { cellTypeOf, type Column } from "../model";
import { columnValue, textCell, type Expression } from "./deals-copy-sql";
import { inlineParams } from "./inline-params";

/**
 * Excel's serial day of `wallClockDate` + exceljs' dateToExcel: the local time cut to the minute —
 * towards zero, as JavaScript's % does, so before 1970 a time past its millisecond's minute goes to
 * the next minute — as 25569 + ms / 86,400,000 in double arithmetic (whole seconds are exact in a
 * double), written as the double's shortest text: PostgreSQL's float8 output with
 * extra_float_digits ≥ 1 (the default), JavaScript's too below 1e21.
 */
function serialDay(value: Expression, timeZone: string): SQL {
  const local = sql`(${value} at time zone ${timeZone})`;
  const minute = sql`date_trunc('minute', ${local})`;
  const cut = sql`(case when ${local} < '1970-01-01' and date_trunc('milliseconds', ${local}) <> ${minute} then ${minute} + interval '1 minute' else ${minute} end)`;
  return sql`(25569 + date_part('epoch', ${cut}) * 1000 / 86400000)::text`;
}

/** How a column's text is read: a string, a decimal to take as a number, a serial date. */
export type XlsxCellKind = "text" | "number" | "date";

export type DealsXlsxInput = { db: Db; scope: Scope; filters: DealListFilters; columns: Column<DealListRow>[]; t: ExportMessages; timeZone: string; rowLimit: number; now: Date };

/** The fields of a row: each column's text (NULL for an empty cell), then the currency of each row-formatted column. */
export type XlsxCopyLayout = { kinds: XlsxCellKind[]; perRowColumns: number[] };

function kindOf(column: Column<DealListRow>): XlsxCellKind {
  const type = cellTypeOf(column, {} as DealListRow);
  if (type === "text") return "text";
  if (type === "money" || type === "amount") return "number";
  if (type === "datetime") return "date";
  throw new Error(`the deals sheet cannot take the column "${column.key}" from SQL`);
}

/**
 * The deals matching the filters — the list's own WHERE clause, joins and order — as the sheet's
 * cell texts (see XlsxCopyLayout). A plain select; `dealsXlsxCopySql` wraps it in COPY.
 */
export async function dealsXlsxSelect({ db, scope, filters, columns, t, timeZone, rowLimit, now }: DealsXlsxInput) {
  const { baseAmount, where, key } = await prepareDealQuery(db, scope, filters, now);
  const kinds = columns.map(kindOf);
  const fields: Record<string, SQL> = {};
  columns.forEach((column, index) => {
    const value = columnValue(column.key, t, baseAmount);
    fields[`c${index}`] = kinds[index] === "text" ? textCell(value) : kinds[index] === "date" ? serialDay(value, timeZone) : sql`(${value})::text`;
  });
  const perRowColumns = columns.flatMap((column, index) => (column.currency ? [index] : []));
  for (const index of perRowColumns) fields[`currency${index}`] = sql`(${columnValue("currency", t, baseAmount)})::text`;
  const query = joinDealRelations(db.select(fields).from(deals).$dynamic())
    .where(where)
    .orderBy(...orderByKey(key, filters.order))
    .limit(rowLimit);
  // Wrapped: a drizzle query is a thenable, which an async function would run instead of returning.
  return { query, layout: { kinds, perRowColumns } satisfies XlsxCopyLayout };
}

/** `COPY (…) TO STDOUT (FORMAT binary)` of `dealsXlsxSelect`: text fields as their bytes, nothing escaped. */
export async function dealsXlsxCopySql(input: DealsXlsxInput): Promise<{ copySql: string; layout: XlsxCopyLayout }> {
  const { query, layout } = await dealsXlsxSelect(input);
  return { copySql: `copy (${inlineParams(query.toSQL())}) to stdout with (format binary)`, layout };
}
