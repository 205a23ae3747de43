// A past-orders file as a shop exports it: `;`, Russian headers, amounts with spaces and a decimal
// comma, Russian dates read in the organisation's time zone, bad rows named by their line.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { guessMapping, missingFields } from "./columns";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { rejectedCsv } from "./rejected-csv";
import { toOrders } from "./to-orders";
import { describeRowProblem } from "@/lib/i18n/orders-upload-messages";

const FILE = [
  "\uFEFFНомер заказа;Дата;Сумма;Телефон;Email;Статус;Покупатель",
  "1001;05.03.2025;1 234,50;+7 701 111 22 33;Aigerim@Example.kz;Выполнен;Айгерим",
  '1002;06.03.2025 14:30;"12 000";8 (701) 111-22-33;;Отменён;',
  "1003;31.02.2025;500;;;;",
  "",
  "1004;07.03.2025;;;;;",
  "1005;07.03.2025;пятьсот;;;;",
  "1006;8.3.2025;99,9;;;;",
  "",
].join("\r\n");

const ALMATY = { timeZone: "Asia/Almaty", currency: "KZT" };

describe("reading a past-orders CSV", () => {
  const { rows, delimiter } = readCsv(FILE);
  const mapping = guessMapping(rows[0]);

  it("finds the `;` separator and maps the Russian headers", () => {
    expect(delimiter).toBe(";");
    expect(mapping).toEqual({ number: 0, date: 1, total: 2, phone: 3, email: 4, status: 5, name: 6 });
    expect(missingFields(mapping)).toEqual([]);
  });

  it("reads «1 234,50» as 1234.50 and «05.03.2025» as midnight of 5 March 2025 in Almaty (UTC+5)", () => {
    const { orders } = toOrders(rows, mapping, ALMATY);
    expect(orders.map((o) => o.line)).toEqual([2, 3, 8]);
    expect(orders[0].order).toEqual({
      id: "1001",
      number: "1001",
      status: "completed",
      createdAt: "2025-03-04T19:00:00.000Z", // 5 March 00:00 at UTC+5
      total: "1234.50",
      currency: "KZT",
      customer: { name: "Айгерим", phone: "+7 701 111 22 33", email: "Aigerim@Example.kz" },
    });
    // 6 March 14:30 at UTC+5 = 09:30 UTC; «Отменён» is a cancelled order; "12 000" is 12000
    expect(orders[1].order).toMatchObject({ createdAt: "2025-03-06T09:30:00.000Z", status: "cancelled", total: "12000" });
    expect(orders[2].order).toMatchObject({ createdAt: "2025-03-07T19:00:00.000Z", total: "99.9" });
  });

  it("lists the bad rows with their line numbers and skips empty lines", () => {
    const { rejections } = toOrders(rows, mapping, ALMATY);
    expect(rejections.map(({ line, problem }) => ({ line, problem }))).toEqual([
      { line: 4, problem: { code: "order_row_date_invalid", params: { value: "31.02.2025" } } },
      { line: 6, problem: { code: "order_row_field_missing", field: "total" } },
      { line: 7, problem: { code: "order_row_total_invalid", params: { value: "пятьсот" } } },
    ]);
  });

  it("reads a comma-separated file with English headers and a currency column", () => {
    const sheet = readCsv("Order number,Date,Total,Currency,Phone\nA-7,2025-03-05 10:00,\"1,234.50\",rub,+79161234567\n");
    expect(sheet.delimiter).toBe(",");
    const mapped = toOrders(sheet.rows, guessMapping(sheet.rows[0]), { timeZone: "Europe/Moscow", currency: "KZT" });
    // 10:00 in Moscow (UTC+3) = 07:00 UTC
    expect(mapped.orders[0].order).toMatchObject({ id: "A-7", createdAt: "2025-03-05T07:00:00.000Z", total: "1234.50", currency: "RUB" });
  });

  it("names the required columns a file lacks", () => {
    expect(missingFields(guessMapping(["Телефон", "Сумма"]))).toEqual(["number", "date"]);
  });

  it("writes the rejected rows as a CSV with their line numbers and reasons", () => {
    const { rejections } = toOrders(rows, mapping, ALMATY);
    const csv = rejectedCsv(rows[0], rejections.slice(0, 1), { line: "Строка", reason: "Причина" }, (p) => describeRowProblem(p, "ru"));
    expect(csv).toBe("\uFEFFСтрока;Причина;Номер заказа;Дата;Сумма;Телефон;Email;Статус;Покупатель\r\n4;«31.02.2025» — не дата (пишите 05.03.2025 или 05.03.2025 14:30).;1003;31.02.2025;500;;;;\r\n");
  });
});

describe("reading a past-orders XLSX", () => {
  it("gives the first sheet as text rows, dates as Russian wall time and empty rows kept", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Заказы");
    sheet.addRow(["Номер заказа", "Дата", "Сумма"]);
    sheet.addRow([1001, new Date(Date.UTC(2025, 2, 5)), 1234.5]);
    sheet.addRow([]);
    sheet.addRow(["1002", new Date(Date.UTC(2025, 2, 6, 14, 30)), "1 000,00"]);
    const rows = await readXlsx((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(rows).toEqual([["Номер заказа", "Дата", "Сумма"], ["1001", "05.03.2025", "1234.5"], [], ["1002", "06.03.2025 14:30", "1 000,00"]]);
    const { orders } = toOrders(rows, guessMapping(rows[0]), ALMATY);
    expect(orders.map((o) => [o.line, o.order.createdAt, o.order.total])).toEqual([
      [2, "2025-03-04T19:00:00.000Z", "1234.5"],
      [4, "2025-03-06T09:30:00.000Z", "1000.00"],
    ]);
  });

  it("refuses a file that is not a workbook", async () => {
    await expect(readXlsx(new TextEncoder().encode("Номер;Дата").buffer as ArrayBuffer)).rejects.toMatchObject({ code: "orders_sheet_unreadable" });
  });
});
