// Texts of a shop's past-orders upload (Sources page): the file, its preview and column mapping,
// the progress, and the report of rejected rows with their reasons.
import type { Locale, PluralForms } from "@/lib/format";
import type { OrderField } from "@/lib/orders-upload/columns";
import type { RowProblem } from "@/lib/orders-upload/to-orders";
import { errorText } from "./describe-error";

type Messages = {
  title: string;
  hint: string;
  file: string;
  reading: string;
  preview: string;
  previewRows: PluralForms;
  mapping: string;
  notInFile: string;
  fields: Record<OrderField, string>;
  required: string;
  missing: string;
  import: PluralForms;
  importing: string;
  progress: string;
  done: string;
  rejectedTitle: string;
  moreRejected: PluralForms;
  download: string;
  line: string;
  reason: string;
  empty: string;
};

const ru: Messages = {
  title: "Загрузить прошлые заказы",
  hint: "CSV (разделитель «;» или «,») или XLSX, первая строка — заголовки. Нужны номер заказа, дата и сумма; телефон, e-mail, имя, статус и валюта — по желанию. Даты вида 05.03.2025 или 05.03.2025 14:30 читаются во времени организации, суммы — с пробелами и десятичной запятой. Заказ без статуса считается выполненным. Повторная загрузка того же файла ничего не меняет.",
  file: "Файл заказов",
  reading: "Читаем файл…",
  preview: "Первые строки файла",
  previewRows: { one: "в файле {n} строка данных", few: "в файле {n} строки данных", many: "в файле {n} строк данных", other: "в файле {n} строки данных" },
  mapping: "Столбцы",
  notInFile: "— нет в файле —",
  fields: { number: "Номер заказа", date: "Дата", total: "Сумма", status: "Статус", phone: "Телефон", email: "E-mail", name: "Имя покупателя", currency: "Валюта" },
  required: "обязательно",
  missing: "Укажите столбцы: {fields}.",
  import: { one: "Загрузить {n} заказ", few: "Загрузить {n} заказа", many: "Загрузить {n} заказов", other: "Загрузить {n} заказа" },
  importing: "Загружаем…",
  progress: "Отправлено {sent} из {total}",
  done: "Загружено заказов: {imported}. Отклонено строк: {rejected}.",
  rejectedTitle: "Отклонённые строки",
  moreRejected: { one: "и ещё {n} строка — в файле отчёта", few: "и ещё {n} строки — в файле отчёта", many: "и ещё {n} строк — в файле отчёта", other: "и ещё {n} строки — в файле отчёта" },
  download: "Скачать отклонённые строки (CSV)",
  line: "Строка",
  reason: "Причина",
  empty: "В файле нет строк с заказами.",
};

const en: Messages = {
  title: "Upload past orders",
  hint: "CSV (separated by “;” or “,”) or XLSX, headers in the first row. Order number, date and total are needed; phone, e-mail, name, status and currency are optional. Dates such as 05.03.2025 or 05.03.2025 14:30 are read in the organisation's time zone, amounts may have spaces and a decimal comma. An order without a status counts as completed. Uploading the same file again changes nothing.",
  file: "Orders file",
  reading: "Reading the file…",
  preview: "First rows of the file",
  previewRows: { one: "{n} data row in the file", other: "{n} data rows in the file" },
  mapping: "Columns",
  notInFile: "— not in the file —",
  fields: { number: "Order number", date: "Date", total: "Total", status: "Status", phone: "Phone", email: "E-mail", name: "Customer name", currency: "Currency" },
  required: "required",
  missing: "Choose the columns for: {fields}.",
  import: { one: "Import {n} order", other: "Import {n} orders" },
  importing: "Importing…",
  progress: "Sent {sent} of {total}",
  done: "Orders imported: {imported}. Rows rejected: {rejected}.",
  rejectedTitle: "Rejected rows",
  moreRejected: { one: "and {n} more row — in the report file", other: "and {n} more rows — in the report file" },
  download: "Download rejected rows (CSV)",
  line: "Line",
  reason: "Reason",
  empty: "The file has no order rows.",
};

export const ordersUploadMessages: Record<Locale, Messages> = { ru, en };
export type OrdersUploadMessages = Messages;

/** What is wrong with a rejected row, in the page's language (the field named as the mapping names it). */
export function describeRowProblem(problem: RowProblem, locale: Locale): string {
  return errorText(locale, problem, ordersUploadMessages[locale].fields);
}
