// A PDF table's header band: every header's last line sits at the band's foot, right above its
// column's values, whether the header takes one line or wraps onto two.
import PDFDocument from "pdfkit";
import { describe, expect, it, vi } from "vitest";
import { exportMessages } from "@/lib/i18n/export-messages";
import { defineTable, type ExportDocument } from "../model";
import { pdfFonts } from "./fonts";
import { drawTable } from "./pdf-table";

type Row = { title: string; amount: string; count: number };

const doc = { locale: "ru", currency: "KZT", timezone: "Asia/Almaty" } as ExportDocument;
const table = defineTable<Row>({
  columns: [
    { key: "title", header: "Сделка", type: "text", value: (row) => row.title },
    // narrow numbers under a long header: it wraps onto two lines
    { key: "amount", header: "Средняя сумма", type: "money", value: (row) => row.amount },
    { key: "count", header: "Сделок", type: "integer", value: (row) => row.count },
  ],
  rows: [{ title: "Поставка оборудования для цеха № 4 в Караганде, второй этап", amount: "1000", count: 3 }],
});

describe("PDF table header", () => {
  it("bottom-aligns one-line and two-line headers on the same last line", () => {
    const pdf = new PDFDocument({ size: "A4", font: "", margins: { top: 40, left: 36, right: 36, bottom: 44 } });
    pdf.registerFont("regular", pdfFonts().regular);
    pdf.registerFont("bold", pdfFonts().bold);
    const top = pdf.y;
    const calls: { text: string; y: number; height: number }[] = [];
    const text = pdf.text.bind(pdf) as (...args: unknown[]) => PDFKit.PDFDocument;
    vi.spyOn(pdf, "text").mockImplementation(((value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions) => {
      calls.push({ text: value, y, height: pdf.heightOfString(value, options) });
      return text(value, x, y, options);
    }) as typeof pdf.text);
    drawTable(pdf, table, doc, exportMessages.ru);
    const header = (name: string) => calls.find((call) => call.text === name)!;
    const [title, amount, count] = [header("Сделка"), header("Средняя сумма"), header("Сделок")];
    expect(amount.height).toBeCloseTo(title.height * 2, 6); // it did wrap onto two lines
    // The header band is 30 pt high; each header ends 3.5 pt above its foot, as a value starts 3.5 pt below a row's top.
    for (const each of [title, amount, count]) expect(each.y + each.height).toBeCloseTo(top + 30 - 3.5, 6);
    const value = calls.find((call) => call.text === "3")!;
    expect(value.y).toBeCloseTo(top + 30 + 3.5, 6);
  });
});
