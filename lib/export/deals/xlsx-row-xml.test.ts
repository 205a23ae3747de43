// The deals sheet's rows, rendered by hand, are the XML exceljs renders for the same cells: the
// whole sheet and the style table of a workbook written both ways are compared as text.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { DealListRow } from "@/lib/deals/deal-list";
import { exportMessages } from "@/lib/i18n/export-messages";
import { cellTypeOf, type ExportDocument } from "../model";
import { addAboutSheet, dataSheetViews } from "../xlsx";
import { columnWidth, numberFormat, sheetName, xlsxValue } from "../xlsx-cells";
import { dealColumns } from "./deal-columns";
import { dealsXlsxStream, renderedRows, widths } from "./deals-xlsx-stream";
import { xmlEncode } from "./xlsx-row-xml";

const base: DealListRow = {
  id: "d",
  externalId: "E1",
  title: "Сделка",
  managerId: null,
  managerName: "Анна",
  pipelineId: "p",
  pipelineName: "Основная",
  stageId: "s",
  stageName: "Новая",
  semantic: "open",
  amount: "1234.50",
  currency: "KZT",
  baseAmount: "1234.50",
  createdAt: "2025-01-31T20:30:00.000Z",
  closedAt: null,
  sourceId: "src",
  sourceName: "Портал",
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
};
const deals: DealListRow[] = [
  base,
  { ...base, externalId: "=1+1", title: 'a <b> & "c" \'d\'', managerName: null, semantic: "won", amount: "-0.05", currency: "USD", baseAmount: null, closedAt: "2025-03-30T00:59:59.999Z" },
  { ...base, externalId: "@x", title: "ctrl\u0001\u0008\u000b\u001f\u007f tab\t cr\r lf\n end", amount: "9999999999999999.99", currency: "EUR", utmSource: "", utmMedium: "-cpc", utmCampaign: "весна" },
  { ...base, externalId: "E4", title: "", semantic: "lost", amount: "0.00", currency: "RUB", baseAmount: "0.00", createdAt: "1969-12-31T23:59:59.999Z", closedAt: "2026-01-01T00:00:00.000Z" },
  { ...base, externalId: "E5", currency: "XYZ", amount: "7.10" },
];

const t = exportMessages.ru;
const doc: ExportDocument = { slug: "deals", title: t.reports.deals, locale: "ru", currency: "KZT", timezone: "Asia/Almaty", period: null, filters: [], scope: "x", exportedBy: "x", exportedAt: new Date("2025-01-01T00:00:00Z"), sections: [] };

/** The workbook as deals-xlsx-stream.ts wrote it before, every cell through exceljs: addRow, a number format per amount cell, commit. */
async function exceljsWorkbook(): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Voronka";
  const columns = dealColumns(t);
  addAboutSheet(workbook, doc, t).commit();
  const sheet = workbook.addWorksheet(sheetName(doc.title, new Set([t.about.sheet.toLowerCase()])), { views: dataSheetViews(true) });
  sheet.columns = columns.map((column) => {
    const format = column.currency ? undefined : numberFormat(cellTypeOf(column, {} as DealListRow), doc.currency, doc.locale);
    return { key: column.key, width: widths[column.key] ?? columnWidth(column.header, []), style: format ? { numFmt: format } : {} };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: deals.length + 1, column: columns.length } };
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.numFmt = "General"));
  header.commit();
  const amount = columns.findIndex((column) => column.currency);
  for (const deal of deals) {
    const row = sheet.addRow(columns.map((column) => xlsxValue(cellTypeOf(column, deal), column.value(deal), doc.timezone)));
    row.getCell(amount + 1).numFmt = numberFormat("amount", deal.currency, doc.locale)!;
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function parts(zip: Buffer, names: string[]): Promise<string[]> {
  const archive = await JSZip.loadAsync(zip);
  return Promise.all(names.map((name) => archive.file(name)!.async("string")));
}

describe("the deals sheet's hand-rendered rows", () => {
  it("make the same workbook XML as exceljs' own rows: every sheet and the style table", async () => {
    async function* batches() {
      yield deals.slice(0, 2);
      yield deals.slice(2);
    }
    const streamed = Buffer.from(await new Response(dealsXlsxStream(renderedRows(batches(), dealColumns(t), doc.timezone), dealColumns(t), doc, t, deals.length, 1_048_575)).arrayBuffer());
    const names = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml"];
    const ours = await parts(streamed, names);
    const theirs = await parts(await exceljsWorkbook(), names);
    for (let i = 0; i < names.length; i++) expect(ours[i], names[i]).toBe(theirs[i]);
    const sheet = ours[1];
    expect(sheet.match(/<row /g)).toHaveLength(6); // the header and five deals
    // A formula stays text; a control character is dropped; an empty title is no cell at all.
    expect(sheet).toContain(`<c r="A3" t="str"><v>&apos;=1+1</v></c>`);
    expect(sheet).toContain("<v>ctrl tab\t cr\r lf\n end</v>");
    expect(sheet).not.toMatch(/<c r="B5"/);
  });

  it("encode text as exceljs' xmlEncode does", async () => {
    const { default: utils } = (await import("exceljs/lib/utils/utils.js" as string)) as { default: { xmlEncode: (text: string) => string } };
    for (const text of ["plain", "", 'a <b> & "c" \'d\'', "\u0000\u0001\u0008\t\n\u000b\u000c\r\u000e\u001f\u007f", "Сделка №1 «ёлка»", "&amp;"]) {
      expect(xmlEncode(text), JSON.stringify(text)).toBe(utils.xmlEncode(text));
    }
  });
});
