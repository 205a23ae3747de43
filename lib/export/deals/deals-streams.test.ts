// The streamed writers stop at their row limit even when more rows arrive than were counted, and
// stop reading the source when they do.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { DealListRow } from "@/lib/deals/deal-list";
import { exportMessages } from "@/lib/i18n/export-messages";
import { csvStyleFor } from "../csv";
import type { ExportDocument } from "../model";
import { dealColumns } from "./deal-columns";
import { dealsCsvStream } from "./deals-csv-stream";
import { dealsXlsxStream, renderedRows } from "./deals-xlsx-stream";

const t = exportMessages.en;
const deal = (n: number): DealListRow => ({
  id: `id-${n}`,
  externalId: `E${n}`,
  title: `Deal ${n}`,
  managerId: null,
  managerName: null,
  pipelineId: "p",
  pipelineName: "Main",
  stageId: "s",
  stageName: "New",
  semantic: "open",
  amount: `${n}00.00`,
  currency: "RUB",
  baseAmount: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  closedAt: null,
  sourceId: "src",
  sourceName: "Portal",
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
});

/** Three batches of two deals; records how many batches were asked for. */
function batches() {
  const state = { read: 0 };
  async function* generate() {
    for (let batch = 0; batch < 3; batch++) {
      state.read++;
      yield [deal(batch * 2 + 1), deal(batch * 2 + 2)];
    }
  }
  return { state, source: generate() };
}

const doc: ExportDocument = {
  slug: "deals",
  title: "Deals",
  locale: "en",
  currency: "KZT",
  timezone: "UTC",
  period: null,
  filters: [],
  scope: "The whole company",
  exportedBy: "test",
  exportedAt: new Date("2025-01-01T00:00:00Z"),
  sections: [],
};

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("streamed deals writers", () => {
  it("CSV stops at its row limit", async () => {
    const { state, source } = batches();
    const csv = await bytesOf(dealsCsvStream(source, dealColumns(t), csvStyleFor("en"), "UTC", 3));
    const records = parse(csv.subarray(3)) as string[][];
    expect(records.map((record) => record[0])).toEqual(["CRM ID", "E1", "E2", "E3"]);
    expect(records[1][records[0].indexOf("Manager")]).toBe("No manager");
    expect(state.read).toBe(2); // the third batch was never asked for
  });

  it("XLSX stops at its row limit and formats each deal's amount in its own currency", async () => {
    const { source } = batches();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(dealsXlsxStream(renderedRows(source, dealColumns(t), "UTC"), dealColumns(t), doc, t, 6, 3))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Deals")!;
    expect(sheet.rowCount).toBe(4); // header + 3
    expect(sheet.getRow(4).getCell(1).value).toBe("E3");
    const amount = (sheet.getRow(1).values as unknown[]).indexOf("Amount");
    expect(sheet.getRow(2).getCell(amount).value).toBe(100);
    expect(sheet.getRow(2).getCell(amount).numFmt).toBe('#,##0.00 "₽"');
    expect(sheet.autoFilter).toBe("A1:O4");
    // Excel opens it on the deals, not on "About" (the first tab)
    expect(workbook.worksheets.map((each) => each.name)).toEqual(["About", "Deals"]);
    expect(workbook.views[0].activeTab).toBe(1);
  });
});
