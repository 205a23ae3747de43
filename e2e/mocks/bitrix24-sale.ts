// The mock portal's online store (scope `sale`), written from integrations-2.md §3.8 and
// b24restdocs' sale.order.{list,update}, sale.status.list and sale.statusLang.list pages: camelCase
// fields, lists wrapped as `result.orders` / `result.statuses` / `result.statusLangs` with `total`,
// 50 a page by `start`, and errors whose `error` is a number (200540400001 "order does not exist",
// 200040300020 no right to update, 200040300010 no right to read status names, 100 a missing
// parameter, 0 anything else). An unknown statusId answering code 0, the error texts and the
// Russian names are this mock's guesses.
import { toList } from "./bracket-query";
import type { MethodOutcome } from "./bitrix24-methods";

type SaleRow = Record<string, string | number | null>;

/** The portal's default order (O) and delivery (D) statuses; `N` and `F` are system ones. */
export const B24_SALE_STATUSES: SaleRow[] = [
  { id: "N", type: "O", notify: "Y", color: "#BEEDF1", sort: 10, xmlId: null },
  { id: "P", type: "O", notify: "Y", color: "#D9F0CB", sort: 20, xmlId: null },
  { id: "S", type: "O", notify: "Y", color: "#FFF3C4", sort: 30, xmlId: null },
  { id: "D", type: "O", notify: "Y", color: "#FFD6D6", sort: 40, xmlId: null },
  { id: "F", type: "O", notify: "Y", color: "#DDE4EC", sort: 200, xmlId: null },
  { id: "DN", type: "D", notify: "Y", color: "#BEEDF1", sort: 10, xmlId: null },
  { id: "DD", type: "D", notify: "Y", color: "#FFD6D6", sort: 20, xmlId: null },
  { id: "DF", type: "D", notify: "Y", color: "#DDE4EC", sort: 30, xmlId: null },
];

/** Names of the order statuses per language (`lid`), as `sale.statusLang.list` rows; `S` has no English one, `D` none at all. */
export const B24_SALE_STATUS_LANGS: SaleRow[] = [
  { statusId: "N", lid: "ru", name: "Принят, ожидается оплата", description: "" },
  { statusId: "N", lid: "en", name: "Accepted, awaiting payment", description: "" },
  { statusId: "P", lid: "ru", name: "Оплачен, формируется к отправке", description: "" },
  { statusId: "P", lid: "en", name: "Paid, preparing for shipment", description: "" },
  { statusId: "S", lid: "ru", name: "Отгружен", description: "" },
  { statusId: "F", lid: "ru", name: "Выполнен", description: "" },
  { statusId: "F", lid: "en", name: "Completed", description: "" },
  { statusId: "DN", lid: "ru", name: "Ожидает обработки", description: "" },
  { statusId: "DN", lid: "en", name: "Awaiting processing", description: "" },
];

const PAGE = 50;
const isoDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");

export function createBitrix24Sale(now: () => number) {
  const orders: SaleRow[] = [];
  const statuses = B24_SALE_STATUSES.map((row) => ({ ...row }));
  const statusLangs = B24_SALE_STATUS_LANGS.map((row) => ({ ...row }));
  const state = {
    orders,
    statuses,
    statusLangs,
    /** The webhook's user lacks the right to read status names (200040300010). */
    denyStatusNames: false,
    /** sale.order.update calls that changed an order: [order id, statusId]. */
    updates: [] as [number, string][],
    /** The webhook's user lacks the right to change orders (200040300020). */
    denyUpdates: false,
    /** A new order, as the store's checkout makes it: status N. */
    addOrder(fields: { accountNumber: string; statusId?: string; price?: number }): SaleRow {
      const at = isoDate(now());
      const row: SaleRow = {
        id: orders.length + 1, accountNumber: fields.accountNumber, statusId: fields.statusId ?? "N", dateStatus: at, dateInsert: at, dateUpdate: at,
        price: fields.price ?? 4500, currency: "KZT", payed: "N", canceled: "N", reasonCanceled: "", userId: 1, companyId: null, responsibleId: 1, personTypeId: 1, xmlId: `bx_${orders.length + 1}`,
      };
      orders.push(row);
      return row;
    },
  };

  function run(method: string, params: Record<string, unknown>): MethodOutcome | null {
    switch (method) {
      case "sale.status.list":
        return list(statuses, params, "statuses", "sort");
      case "sale.statusLang.list":
        if (state.denyStatusNames) return { status: 400, error: 200040300010, error_description: "Insufficient rights to read status localizations" };
        return list(statusLangs, params, "statusLangs", "statusId");
      case "sale.order.list":
        return list(orders, params, "orders", "id");
      case "sale.order.update": {
        const id = Number(params.id);
        const fields = params.fields as Record<string, unknown> | undefined;
        if (!params.id) return { status: 400, error: 100, error_description: "Required parameter 'id' is not set" };
        if (!fields || typeof fields !== "object" || Object.keys(fields).length === 0) return { status: 400, error: 100, error_description: "Required parameter 'fields' is not set" };
        const order = orders.find((row) => row.id === id);
        if (!order) return { status: 400, error: 200540400001, error_description: "order does not exist" };
        if (state.denyUpdates) return { status: 400, error: 200040300020, error_description: "Access denied: insufficient rights to update the order" };
        const statusId = fields.statusId === undefined ? undefined : String(fields.statusId);
        if (statusId !== undefined && !statuses.some((row) => row.id === statusId && row.type === "O")) {
          return { status: 400, error: 0, error_description: `Status ${statusId} not found` };
        }
        const at = isoDate(now());
        if (statusId !== undefined && statusId !== order.statusId) {
          Object.assign(order, { statusId, dateStatus: at });
          state.updates.push([id, statusId]);
        }
        order.dateUpdate = at;
        return { result: { order: { ...order } }, rows: 1 };
      }
    }
    return null;
  }

  return { state, run };
}

/** A `sale.*.list`: exact-match filter (an `@` key takes a list), `select`, one `order` key, 50 a page. */
function list(rows: SaleRow[], params: Record<string, unknown>, key: string, defaultSort: string): MethodOutcome {
  const filter = (params.filter ?? {}) as Record<string, unknown>;
  const select = toList(params.select);
  const [sortField, direction] = Object.entries((params.order ?? { [defaultSort]: "asc" }) as Record<string, string>)[0] ?? [defaultSort, "asc"];
  const matches = rows.filter((row) =>
    Object.entries(filter).every(([field, value]) => {
      const isIn = field.startsWith("@");
      const actual = row[isIn ? field.slice(1) : field];
      return isIn ? toList(value).map(String).includes(String(actual)) : String(actual) === String(value);
    }),
  );
  const sign = String(direction).toLowerCase() === "desc" ? -1 : 1;
  matches.sort((a, b) => sign * (Number(a[sortField]) - Number(b[sortField]) || String(a[sortField]).localeCompare(String(b[sortField]))));
  const start = Math.max(0, Number(params.start ?? 0) || 0);
  const page = matches.slice(start, start + PAGE).map((row) => (select.length ? Object.fromEntries(select.filter((f) => f in row).map((f) => [f, row[f]])) : { ...row }));
  return { result: { [key]: page }, total: matches.length, next: start + PAGE < matches.length ? start + PAGE : undefined, rows: page.length };
}
