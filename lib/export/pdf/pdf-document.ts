// A report or a whole dashboard as an A4 PDF: the title, period, filters and scope, then per
// section its chart (vector) and its table, and "Страница 2 из 5" at the foot of every page.
import PDFDocument from "pdfkit";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { fill } from "@/lib/i18n/fill";
import { aboutLines } from "../about";
import { localDateTime } from "../cells";
import type { ExportDocument } from "../model";
import { chartHeight, drawChart } from "./chart";
import { pdfFonts } from "./fonts";
import { pdfLayout } from "./pdf-layout";
import { drawTable } from "./pdf-table";

/** Wide tables (the manager activity's eleven columns) get a landscape page. */
function isWide(doc: ExportDocument): boolean {
  return doc.sections.some((section) => section.table.columns.length > 6);
}

function heading(pdf: PDFKit.PDFDocument, doc: ExportDocument, t: ExportMessages) {
  const { left, width } = pdfLayout(pdf);
  pdf.font("bold").fontSize(16).fillColor("#0f172a").text(doc.title, left, pdf.y, { width });
  pdf.moveDown(0.3).font("regular").fontSize(8).fillColor("#334155");
  for (const [label, value] of aboutLines(doc, t).slice(1)) {
    const text = value instanceof Date ? localDateTime(doc.exportedAt, doc.timezone) : value;
    pdf.font("bold").text(`${label}: `, { continued: true }).font("regular").text(text);
  }
  pdf.moveDown(0.8);
}

function footer(pdf: PDFKit.PDFDocument, t: ExportMessages, doc: ExportDocument) {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    const { left, width } = pdfLayout(pdf);
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin while writing.
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - bottomMargin + 14;
    pdf.font("regular").fontSize(7).fillColor("#64748b");
    pdf.text(`${doc.title} · ${doc.period ? `${doc.period.from} — ${doc.period.to}` : ""}`, left, y, { width: width / 2, lineBreak: false });
    pdf.text(fill(t.page, { page: index + 1, pages: count }), left + width / 2, y, { width: width / 2, align: "right", lineBreak: false });
    pdf.page.margins.bottom = bottomMargin;
  }
}

/** `totalRows`: the full length of a single table of which only the first rows were read. */
export async function documentToPdf(doc: ExportDocument, t: ExportMessages, options: { totalRows?: number } = {}): Promise<Buffer> {
  const fonts = pdfFonts();
  // An empty font at construction keeps pdfkit from loading its built-in Helvetica (no Cyrillic,
  // and an .afm file next.js would have to trace); DejaVu is registered right after.
  const pdf = new PDFDocument({
    size: "A4",
    layout: isWide(doc) ? "landscape" : "portrait",
    margins: { top: 40, left: 36, right: 36, bottom: 44 },
    bufferPages: true,
    font: "",
    info: { Title: doc.title, Author: doc.exportedBy, Creator: "Voronka", CreationDate: doc.exportedAt },
  });
  pdf.registerFont("regular", fonts.regular);
  pdf.registerFont("bold", fonts.bold);
  pdf.font("regular");
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  heading(pdf, doc, t);
  for (const section of doc.sections) {
    const { left, width, bottom } = pdfLayout(pdf);
    const needed = 20 + (section.chart ? chartHeight(section.chart) + 10 : 0) + 60;
    if (pdf.y + needed > bottom && pdf.y > pdf.page.margins.top + 1) pdf.addPage();
    pdf.font("bold").fontSize(12).fillColor("#0f172a").text(section.title, left, pdf.y, { width });
    pdf.moveDown(0.4);
    if (section.chart && section.chart.categories.length > 0) {
      const height = chartHeight(section.chart);
      drawChart(pdf, section.chart, { x: left, y: pdf.y, width, height }, doc.locale, doc.currency);
      pdf.x = left;
      pdf.y += height + 10;
    }
    drawTable(pdf, section.table, doc, t, doc.sections.length === 1 ? options.totalRows : undefined);
    pdf.moveDown(0.5);
  }
  footer(pdf, t, doc);
  pdf.end();
  return done;
}
