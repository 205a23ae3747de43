// A PDF read back with pdftotext: Cyrillic text, the numbers as the dashboard shows them, the
// header repeated on every page, "Страница 2 из N", and the documented page limit.
import { describe, expect, it } from "vitest";
import { exportMessages } from "@/lib/i18n/export-messages";
import { defineTable, type ExportDocument } from "../model";
import { pdfText } from "../test/read-pdf";
import { documentToPdf } from "./pdf-document";
import { PDF_TABLE_PAGE_LIMIT } from "./pdf-table";

type Deal = { title: string; amount: string };

function documentOf(rows: Deal[]): ExportDocument {
  return {
    slug: "test",
    title: "Сделки отдела продаж",
    locale: "ru",
    currency: "KZT",
    timezone: "Asia/Almaty",
    period: { from: "2025-01-01", to: "2025-03-31" },
    filters: [["Менеджер", "Анна Петрова"]],
    scope: "Вся компания",
    exportedBy: "Админ <admin@example.com>",
    exportedAt: new Date("2025-04-01T06:00:00Z"),
    sections: [
      {
        key: "rows",
        title: "Сделки",
        table: defineTable<Deal>({
          columns: [
            { key: "title", header: "Название", type: "text", value: (row) => row.title },
            { key: "amount", header: "Сумма", type: "money", value: (row) => row.amount },
          ],
          rows,
        }),
        chart: { kind: "bars", categories: ["янв", "фев"], series: [{ name: "Выручка", values: [1000, 2500] }], valueType: "money" },
      },
    ],
  };
}

const dealRows = (count: number) => Array.from({ length: count }, (_, index) => ({ title: `Сделка №${index + 1}`, amount: String(1000 + index) }));

describe("PDF", () => {
  it("prints the Cyrillic title, the filters and scope, and amounts in ₸ as the dashboard shows them", async () => {
    const { pages, text } = pdfText(await documentToPdf(documentOf(dealRows(3)), exportMessages.ru));
    expect(pages).toHaveLength(1);
    expect(text).toContain("Сделки отдела продаж");
    expect(text).toContain("Период: 2025-01-01 — 2025-03-31");
    expect(text).toContain("Фильтры: Менеджер: Анна Петрова");
    expect(text).toContain("Видимость: Вся компания");
    expect(text).toContain("Дата выгрузки: 2025-04-01 11:00"); // 06:00 UTC is 11:00 in Almaty
    expect(text).toMatch(/Сделка №3\s+1 002 ₸/); // 1 000 + 2
    expect(text).toContain("Страница 1 из 1");
  });

  it("repeats the header on every page and numbers the pages", async () => {
    const { pages } = pdfText(await documentToPdf(documentOf(dealRows(120)), exportMessages.ru));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toMatch(/Название\s+Сумма/);
      expect(page).toContain(`Страница ${index + 1} из ${pages.length}`);
    });
    const all = pages.join("\n");
    expect(all).toMatch(/Сделка №1\s/);
    expect(all).toMatch(/Сделка №120\s+1 119 ₸/); // the last row: 1 000 + 119
  });

  it("stops a very long table at the page limit and says to use Excel", async () => {
    const { pages } = pdfText(await documentToPdf(documentOf(dealRows(5000)), exportMessages.ru));
    // the limit's pages plus the one with the note
    expect(pages.length).toBe(PDF_TABLE_PAGE_LIMIT + 1);
    expect(pages.at(-1)).toMatch(/Таблица обрезана на 30 страницах: показано \d+ из 5000 строк\. Полная таблица — в выгрузке Excel или CSV\./);
  });

  it("speaks English when the viewer does", async () => {
    const doc = { ...documentOf(dealRows(1)), locale: "en" as const, title: "Team deals" };
    const { text } = pdfText(await documentToPdf(doc, exportMessages.en));
    expect(text).toContain("Page 1 of 1");
    expect(text).toMatch(/Сделка №1\s+₸1,000/);
  });
});
