// One cell of a past-orders file read as the order's value: amounts with spaces and a decimal comma
// («1 234,50»), dates in the common Russian spellings read as wall time in the organisation's time
// zone, and shop statuses in Russian. Client-safe.
import { tz } from "@date-fns/tz";
import { isValid, parse } from "date-fns";

/** «1 234,50» → "1234.50"; null when the cell is not an amount. Comma or dot is the decimal mark, whichever comes last. */
export function parseAmount(cell: string): string | null {
  let text = cell.replace(/[\s\u00a0\u202f']/g, "").replace(/(₽|₸|руб\.?|р\.|тг|kzt|rub|usd|\$|€)$/i, "");
  const mark = Math.max(text.lastIndexOf(","), text.lastIndexOf("."));
  if (mark >= 0) text = `${text.slice(0, mark).replace(/[.,]/g, "")}.${text.slice(mark + 1)}`;
  return /^-?\d{1,15}(\.\d{1,4})?$/.test(text) ? text : null;
}

const DATE_FORMATS = [
  "dd.MM.yyyy HH:mm:ss",
  "dd.MM.yyyy HH:mm",
  "dd.MM.yyyy",
  "dd.MM.yy",
  "dd/MM/yyyy HH:mm",
  "dd/MM/yyyy",
  "yyyy-MM-dd HH:mm:ss",
  "yyyy-MM-dd HH:mm",
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  "yyyy-MM-dd",
];

/** «05.03.2025» or «05.03.2025 14:30» as that wall time in `timeZone`; an ISO time with an offset as itself; null otherwise. */
export function parseOrderDate(cell: string, timeZone: string): Date | null {
  const text = cell.trim().replace(/\s+/g, " ").replace(/,? г\.?$/, "");
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text) && text.includes("T")) {
    const date = new Date(text);
    return isValid(date) ? date : null;
  }
  for (const format of DATE_FORMATS) {
    if (format.length > text.length + 2 || format.length < text.length - 4) continue;
    const date = parse(text, format, new Date(), { in: tz(timeZone) });
    if (isValid(date) && date.getFullYear() >= 1990 && date.getFullYear() <= 2100) return new Date(date.getTime());
  }
  return null;
}

const COMPLETED = /^(выполнен|выполнено|завершен|завершено|доставлен|получен|исполнен|закрыт)/;
const CANCELLED = /^(отменен|отмена|аннулирован)/;
const RETURNED = /^(возврат|возвращен)/;

/** A status cell in the shop statuses Voronka counts (lib/customers/order-status.ts); empty counts as completed. */
export function shopStatusOf(cell: string): string {
  const text = cell.trim().toLowerCase().replace(/ё/g, "е");
  if (text === "") return "completed";
  if (COMPLETED.test(text)) return "completed";
  if (CANCELLED.test(text)) return "cancelled";
  if (RETURNED.test(text)) return "returned";
  return text.slice(0, 100);
}
