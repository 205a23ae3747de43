// The rows of a past-orders file, mapped to the shop orders POST /api/sources/<id>/orders/import
// takes (docs/orders-import.md): each good row becomes an order, each bad row a rejection that keeps
// its line number, its cells and what is wrong with it. Client-safe.
import type { ColumnMapping, OrderField } from "./columns";
import { isEmptyRow } from "./read-csv";
import { parseAmount, parseOrderDate, shopStatusOf } from "./values";

/** A row's problem as an error code (lib/error-codes.ts): the field it misses, or the value it could not read. */
export type RowProblem =
  | { code: "order_row_field_missing"; field: OrderField }
  | { code: "order_row_date_invalid" | "order_row_total_invalid" | "order_row_currency_invalid"; params: { value: string } }
  /** Refused by the import itself: its English words. */
  | { code: "order_row_refused"; params: { reason: string } };

export type Rejection = { line: number; problem: RowProblem; cells: string[] };
export type ShopOrderLine = { line: number; order: Record<string, unknown>; cells: string[] };
export type MappedRows = { orders: ShopOrderLine[]; rejections: Rejection[] };
export type MapOptions = { timeZone: string; currency: string };

/** `rows[0]` is the header (line 1); data rows start at line 2; empty rows are skipped. */
export function toOrders(rows: string[][], mapping: ColumnMapping, options: MapOptions): MappedRows {
  const result: MappedRows = { orders: [], rejections: [] };
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i];
    if (isEmptyRow(cells)) continue;
    const read = orderOf(cells, mapping, options);
    if ("problem" in read) result.rejections.push({ line: i + 1, problem: read.problem, cells });
    else result.orders.push({ line: i + 1, order: read.order, cells });
  }
  return result;
}

function orderOf(cells: string[], mapping: ColumnMapping, options: MapOptions): { order: Record<string, unknown> } | { problem: RowProblem } {
  const cell = (field: OrderField) => {
    const index = mapping[field];
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };
  for (const field of ["number", "date", "total"] as const) if (cell(field) === "") return { problem: { code: "order_row_field_missing", field } };
  const createdAt = parseOrderDate(cell("date"), options.timeZone);
  if (!createdAt) return { problem: { code: "order_row_date_invalid", params: { value: cell("date") } } };
  const total = parseAmount(cell("total"));
  if (total === null) return { problem: { code: "order_row_total_invalid", params: { value: cell("total") } } };
  const currency = (cell("currency") || options.currency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { problem: { code: "order_row_currency_invalid", params: { value: cell("currency") } } };
  const number = cell("number").replace(/^№\s*/, "");
  const order = {
    id: number,
    number,
    status: shopStatusOf(cell("status")),
    createdAt: createdAt.toISOString(),
    total,
    currency,
    customer: { name: cell("name") || null, phone: cell("phone") || null, email: cell("email") || null },
  };
  return { order };
}
