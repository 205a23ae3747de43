// The fields of a past-orders file and the headers that name them, Russian or English, so a shop's
// own export maps itself; the admin corrects the guess on the page. Client-safe.
export const ORDER_FIELDS = ["number", "date", "total", "status", "phone", "email", "name", "currency"] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];
export const REQUIRED_FIELDS: readonly OrderField[] = ["number", "date", "total"];

/** Field → column index in the file (absent: not in the file). */
export type ColumnMapping = Partial<Record<OrderField, number>>;

const HEADERS: Record<OrderField, string[]> = {
  number: ["номер заказа", "номер", "№ заказа", "№", "заказ", "id заказа", "order number", "order no", "order #", "order id", "order", "number", "id"],
  date: ["дата заказа", "дата", "дата создания", "создан", "дата и время", "order date", "date", "created", "created at", "created_at"],
  total: ["сумма заказа", "сумма", "итого", "стоимость", "total", "amount", "order total", "sum"],
  status: ["статус заказа", "статус", "order status", "status"],
  phone: ["телефон", "тел", "мобильный телефон", "phone", "telephone", "mobile", "phone number"],
  email: ["email", "e-mail", "эл. почта", "электронная почта", "почта", "mail"],
  name: ["имя", "фио", "покупатель", "клиент", "имя покупателя", "name", "customer", "customer name", "buyer"],
  currency: ["валюта", "currency"],
};

const normalize = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\s+/g, " ")
    .replace(/[:.]$/, "");

/** The mapping a file's header row suggests: each field takes the first column whose header names it. */
export function guessMapping(header: string[]): ColumnMapping {
  const names = header.map(normalize);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of ORDER_FIELDS) {
    for (const synonym of HEADERS[field]) {
      const index = names.findIndex((name, i) => name === synonym && !taken.has(i));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** The required fields the mapping leaves without a column. */
export function missingFields(mapping: ColumnMapping): OrderField[] {
  return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
}
