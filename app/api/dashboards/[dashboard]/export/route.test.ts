// "Export dashboard": one workbook with a sheet per card, or one PDF with a section per card, each
// holding the same numbers as the cards' reports in the JSON API, within the viewer's scope.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { pdfText } from "@/lib/export/test/read-pdf";
import { bytesOf, callAs, createExportFixture, type ExportFixture, type Who } from "@/lib/export/test/export-fixture";
import { GET as getReport } from "../../../reports/[report]/route";
import { GET as exportDashboard } from "./route";

let testDb: TestDb;
let fx: ExportFixture;
const q1 = "from=2025-01-01&to=2025-03-31";

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createExportFixture(testDb);
  // Leads for the leads dashboard: alice 2 in January, carol 1 in March.
  await fx.f.addLead({ manager: "alice", createdAt: "2025-01-05T10:00:00Z" });
  await fx.f.addLead({ manager: "alice", createdAt: "2025-01-06T10:00:00Z" });
  await fx.f.addLead({ manager: "carol", createdAt: "2025-03-06T10:00:00Z" });
});
afterAll(() => testDb.close());

const exportAs = (who: Who, dashboard: string, query: string) => callAs(exportDashboard, fx, who, `/api/dashboards/${dashboard}/export?${query}`, { dashboard });

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
  return workbook;
}

describe("dashboard export", () => {
  it("gives the leads dashboard as one workbook, a sheet per card, after the About sheet", async () => {
    const response = await exportAs("admin", "leads", `format=xlsx&lang=ru&${q1}`);
    expect(response.headers.get("content-disposition")).toContain('filename="dashboard-leads_2025-01-01_2025-03-31.xlsx"');
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "О выгрузке",
      "Конверсия по месяцам",
      "Конверсия по источникам",
      "Конверсия по менеджерам",
      "Лиды по источникам",
      "Лиды по utm_source",
    ]);
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, "Отчёт", "Лиды"]);
    // 2 leads in January + 1 in March = 3 in the quarter, the same figure as the JSON API's
    const byMonth = workbook.getWorksheet("Конверсия по месяцам")!;
    expect(byMonth.getRow(2).getCell(2).value).toBe(2);
    expect(byMonth.lastRow!.getCell(1).value).toBe("Итого");
    expect(byMonth.lastRow!.getCell(2).value).toBe(3);
    const api = (await (await callAs(getReport, fx, "admin", `/api/reports/lead-conversion?${q1}`, { report: "lead-conversion" })).json()) as { totals: { leads: number } };
    expect(api.totals.leads).toBe(3);
  });

  it("keeps a manager's dashboard to their own rows", async () => {
    const workbook = await workbookOf(await exportAs("alice", "managers", `format=xlsx&${q1}`));
    const sheet = workbook.worksheets[1];
    expect(sheet.rowCount).toBe(3); // header, alice, totals
    expect(sheet.getRow(2).getCell(1).value).toBe("Анна Петрова");
  });

  it("gives the sales dashboard as one PDF with its chart section and page numbers", async () => {
    const response = await exportAs("admin", "sales", `format=pdf&lang=ru&${q1}`);
    expect(response.headers.get("content-disposition")).toContain('filename="dashboard-sales_2025-01-01_2025-03-31.pdf"');
    const { text, pages } = pdfText(await bytesOf(response));
    expect(text).toContain("Продажи");
    expect(text).toMatch(/Итого\s+4\s+200 001 ₸/); // 100 000 + 50 000.50 + 30 000 + 20 000 = 200 000.50
    expect(text).toContain(`Страница 1 из ${pages.length}`);
  });

  it("puts every card of the leads dashboard into one PDF", async () => {
    const { text } = pdfText(await bytesOf(await exportAs("admin", "leads", `format=pdf&lang=en&${q1}`)));
    for (const title of ["Conversion by month", "Conversion by source", "Conversion by manager", "Leads by source", "Leads by utm_source"]) expect(text).toContain(title);
  });

  it("refuses CSV (a dashboard has several tables) and an unknown dashboard", async () => {
    const csv = await exportAs("admin", "sales", "format=csv");
    expect(csv.status).toBe(400);
    expect(((await csv.json()) as { error: object }).error).toMatchObject({ code: "dashboard_csv_unsupported", field: "format" });
    const unknown = await exportAs("admin", "nope", "format=pdf");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: object }).error).toEqual({
      code: "dashboard_not_found",
      message: 'Dashboard "nope" not found',
      params: { name: "nope", names: "overview, sales, funnel, managers, leads, traffic, forecast, conversations" },
    });
  });
});
