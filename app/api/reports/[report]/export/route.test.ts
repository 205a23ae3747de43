// Report exports read back as a user's tools would read them: CSV through csv-parse, XLSX through
// exceljs. The numbers must equal GET /api/reports/<name> for the same filters and the same viewer.
import { writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeResponse } from "@/db/test/call-route";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { pdfText } from "@/lib/export/test/read-pdf";
import { bytesOf, callAs, createExportFixture, type ExportFixture, type Who } from "@/lib/export/test/export-fixture";
import { exportMessages } from "@/lib/i18n/export-messages";
import { conversationsMessages } from "@/lib/i18n/conversations-messages";
import { trafficMessages } from "@/lib/i18n/traffic-messages";
import { reportNames } from "@/lib/reports/registry";
import { GET as getReport } from "../route";
import { GET as exportReport } from "./route";

let testDb: TestDb;
let fx: ExportFixture;
const q1 = "from=2025-01-01&to=2025-03-31";

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createExportFixture(testDb);
});
afterAll(() => testDb.close());

const exportAs = (who: Who, report: string, query: string, headers?: Record<string, string>) =>
  callAs(exportReport, fx, who, `/api/reports/${report}/export?${query}`, { report }, headers);

async function json<T>(who: Who, report: string, query: string): Promise<T> {
  const response = await callAs(getReport, fx, who, `/api/reports/${report}?${query}`, { report });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function csvOf(response: Response, delimiter: string): Promise<string[][]> {
  expect(response.status).toBe(200);
  const bytes = await bytesOf(response);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
  return parse(bytes.subarray(3), { delimiter, relax_column_count: false }) as string[][];
}

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
  return workbook;
}

type SalesJson = { rows: { month: string; wonCount: number; wonAmount: string; averageAmount: string | null }[]; totals: { wonCount: number; wonAmount: string } };

describe("CSV", () => {
  it("is UTF-8 with a BOM, `;` and a decimal comma in Russian, with the JSON API's numbers", async () => {
    const response = await exportAs("admin", "sales-by-month", `format=csv&lang=ru&${q1}`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="sales-by-month_2025-01-01_2025-03-31.csv"; filename*=UTF-8''sales-by-month_2025-01-01_2025-03-31.csv`,
    );
    const records = await csvOf(response, ";");
    expect(records[0]).toEqual(["Месяц", "Выиграно сделок", "Выручка", "Средний чек", "Год назад"]);
    // January 100 000; February 50 000.50; March 30 000 + 20 000 = 50 000 over 2 deals (25 000 each)
    expect(records.slice(1)).toEqual([
      ["2025-01", "1", "100000,00", "100000,00", "0,00"],
      ["2025-02", "1", "50000,50", "50000,50", "0,00"],
      ["2025-03", "2", "50000,00", "25000,00", "0,00"],
      // 100 000 + 50 000.50 + 50 000 = 200 000.50 over 4 deals
      ["Итого", "4", "200000,50", records[4][3], "0,00"],
    ]);
    const api = await json<SalesJson>("admin", "sales-by-month", q1);
    expect(records.slice(1, 4).map((r) => r[2].replace(",", "."))).toEqual(api.rows.map((row) => row.wonAmount));
    expect(records[4][2]).toBe(api.totals.wonAmount.replace(".", ","));
  });

  it("uses `,` and a dot in English, and the parameters override the language's defaults", async () => {
    const english = await csvOf(await exportAs("admin", "sales-by-month", `format=csv&lang=en&${q1}`), ",");
    expect(english[0][0]).toBe("Month");
    expect(english[3]).toEqual(["2025-03", "2", "50000.00", "25000.00", "0.00"]);
    expect(english[4][0]).toBe("Total");
    const overridden = await csvOf(await exportAs("admin", "sales-by-month", `format=csv&lang=ru&delimiter=,&decimal=.&${q1}`), ",");
    expect(overridden[0][0]).toBe("Месяц");
    expect(overridden[3]).toEqual(["2025-03", "2", "50000.00", "25000.00", "0.00"]);
  });

  it("takes the header language from the language switch's cookie", async () => {
    const records = await csvOf(await exportAs("admin", "sales-by-month", `format=csv&${q1}`, { cookie: "voronka-locale=en" }), ",");
    expect(records[0][0]).toBe("Month");
  });

  it("keeps Cyrillic intact and neutralises a value that a spreadsheet would run as a formula", async () => {
    const records = await csvOf(await exportAs("admin", "manager-activity", `format=csv&lang=ru&${q1}`), ";");
    const names = records.slice(1, -1).map((record) => record[0]);
    expect(names).toContain("Анна Петрова");
    expect(names).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(names.every((name) => !/^[=+\-@\t\r]/.test(name))).toBe(true);
  });

  it("exports another table of the report on request, and says which tables exist when the name is wrong", async () => {
    const response = await exportAs("admin", "lead-conversion", `format=csv&lang=en&table=byManager&${q1}`);
    expect(response.headers.get("content-disposition")).toContain('filename="lead-conversion-byManager_2025-01-01_2025-03-31.csv"');
    expect((await csvOf(response, ","))[0][0]).toBe("Manager");
    const wrong = await exportAs("admin", "lead-conversion", `format=csv&table=nope&${q1}`);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({
      error: { code: "export_table_unknown", field: "table", message: "The table must be one of byMonth, bySource, byManager", params: { tables: "byMonth, bySource, byManager" } },
    });
  });
});

describe("XLSX", () => {
  it("has the About sheet first, then typed cells, money in ₸, a bold frozen header, a filter and a totals row", async () => {
    const response = await exportAs("admin", "sales-by-month", `format=xlsx&lang=ru&${q1}`);
    expect(response.headers.get("content-disposition")).toContain('filename="sales-by-month_2025-01-01_2025-03-31.xlsx"');
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["О выгрузке", "Продажи по месяцам"]);

    const about = workbook.worksheets[0];
    const aboutValues = Object.fromEntries(about.getSheetValues().slice(1).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    expect(aboutValues["Отчёт"]).toBe("Продажи по месяцам");
    expect(aboutValues["Период"]).toBe("2025-01-01 — 2025-03-31");
    expect(aboutValues["Фильтры"]).toBe("нет");
    expect(aboutValues["Видимость"]).toBe("Вся компания");
    expect(aboutValues["Выгрузил"]).toMatch(/^admin <admin-.*@test\.voronka>$/);
    expect(aboutValues["Дата выгрузки"]).toBeInstanceOf(Date);

    const sheet = workbook.worksheets[1];
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:E4");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, "Месяц", "Выиграно сделок", "Выручка", "Средний чек", "Год назад"]);
    const february = sheet.getRow(3);
    expect(february.getCell(1).value).toEqual(new Date(Date.UTC(2025, 1, 1))); // a date, shown as "February 2025"
    expect(february.getCell(1).numFmt).toBe("mmmm yyyy");
    expect(february.getCell(2).value).toBe(1);
    expect(february.getCell(3).value).toBe(50000.5); // a number, not the text "50000.50"
    // the exact value, shown as the dashboard shows a figure: in whole tenge (docs/glossary.md)
    expect(february.getCell(3).numFmt).toBe('#,##0 "₸"');
    const totals = sheet.getRow(5);
    expect(totals.getCell(1).value).toBe("Итого");
    expect(totals.font?.bold).toBe(true);
    expect(totals.getCell(2).value).toBe(4);
    expect(totals.getCell(3).value).toBe(200000.5); // 100 000 + 50 000.50 + 30 000 + 20 000
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual("Выручка".length);
  });

  it("shows rates as percentages and names the filters for people", async () => {
    const query = `format=xlsx&lang=en&${q1}&departmentId=${fx.f.departments.online.id}`;
    const workbook = await workbookOf(await exportAs("admin", "manager-activity", query));
    const about = workbook.getWorksheet("About")!;
    expect(about.getRow(3).values).toEqual([undefined, "Filters", "Department: Online"]);
    const sheet = workbook.getWorksheet("Manager activity")!;
    const header = sheet.getRow(1).values as unknown[];
    const winRate = header.indexOf("Win rate");
    // carol, alone in Online: 1 won and 1 lost closed in the quarter → 1 ÷ 2 = 50 %
    const carol = sheet.getRow(2);
    expect(carol.getCell(1).value).toBe("carol");
    expect(carol.getCell(winRate).value).toBe(0.5);
    expect(carol.getCell(winRate).numFmt).toBe("0.0%");
    expect(sheet.rowCount).toBe(3); // header, carol, totals
  });

  it("names a manager filter that is a person, not only one that is a CRM account", async () => {
    const person = fx.f.users.alice;
    const workbook = await workbookOf(await exportAs("admin", "sales-by-month", `format=xlsx&lang=en&${q1}&managerId=${person.id}`));
    expect(workbook.getWorksheet("About")!.getRow(3).values).toEqual([undefined, "Filters", `Manager: ${person.name}`]);
    const account = await workbookOf(await exportAs("admin", "sales-by-month", `format=xlsx&lang=en&${q1}&managerId=${fx.f.crmUsers.alice.id}`));
    expect(account.getWorksheet("About")!.getRow(3).values).toEqual([undefined, "Filters", "Manager: Анна Петрова"]);
  });

  it("holds only the viewer's rows: a manager their own, a director the department's", async () => {
    const managers = async (who: Who) => {
      const workbook = await workbookOf(await exportAs(who, "manager-activity", `format=xlsx&lang=ru&${q1}`));
      const sheet = workbook.worksheets[1];
      const names: unknown[] = [];
      sheet.eachRow((row, index) => index > 1 && names.push(row.getCell(1).value));
      return names.slice(0, -1); // without the totals row
    };
    expect(await managers("alice")).toEqual(["Анна Петрова"]);
    expect((await managers("director")).sort()).toEqual(["'=HYPERLINK(\"http://evil.example\",\"x\")", "Анна Петрова"].sort());
    expect((await managers("admin")).length).toBe(3);

    // alice's file has her 100 000 + 50 000.50 and nothing of bob's or carol's
    const workbook = await workbookOf(await exportAs("alice", "sales-by-month", `format=xlsx&${q1}`));
    expect(workbook.worksheets[1].getRow(5).getCell(3).value).toBe(150000.5);
    const api = await json<SalesJson>("alice", "sales-by-month", q1);
    expect(api.totals.wonAmount).toBe("150000.50");
    expect(workbook.worksheets[0].getRow(4).getCell(2).value).toBe("Только свои данные (alice)");
  });
});

describe("every report", () => {
  // The workbook of each report against its JSON: as many rows, and the totals row equal to `totals`.
  it.each(reportNames)("%s: the XLSX holds the JSON API's rows and totals", async (report) => {
    const api = await json<{ rows: object[]; totals?: unknown }>("admin", report, q1);
    const workbook = await workbookOf(await exportAs("admin", report, `format=xlsx&lang=en&${q1}`));
    const sheets = workbook.worksheets.slice(1);
    // the forecast's totals (the next 3 and 6 months) are no column sums: its sheet has no totals row
    const hasTotalsRow = api.totals !== undefined && !Array.isArray(api.totals) && report !== "overview" && report !== "forecast";
    // sales-funnel has a sheet per pipeline; the others' first sheet is `rows`
    const dataRows = (sheet: ExcelJS.Worksheet) => sheet.rowCount - 1 - (hasTotalsRow ? 1 : 0);
    const rowCount = report === "sales-funnel" ? sheets.reduce((sum, sheet) => sum + dataRows(sheet), 0) : dataRows(sheets[0]);
    expect(rowCount).toBe(api.rows.length);
    if (!hasTotalsRow) return;
    const sheet = sheets[0];
    const header = sheet.getRow(1).values as unknown[];
    const totals = sheet.lastRow!;
    expect(totals.getCell(1).value).toBe("Total");
    // the traffic report heads its own figures (lib/export/traffic-layout.ts), the rest share the glossary's
    const traffic = trafficMessages.en.report.columns;
    const trafficHeaders = { wonDeals: traffic.wonDeals, spend: traffic.spend, cpl: traffic.cpl, cac: traffic.cac, romi: traffic.romi, conversionRate: traffic.saleConversion };
    // the conversations report heads its figures with the dashboard's texts (lib/export/conversations-layout.ts)
    const conversationHeaders = { ...conversationsMessages.en.columns, ...conversationsMessages.en.objection };
    const own = report === "traffic-teams" ? trafficHeaders : report === "conversations" ? conversationHeaders : {};
    const en = { ...exportMessages.en.columns, ...own } as Record<string, string>;
    let compared = 0;
    for (const [key, value] of Object.entries(api.totals as Record<string, unknown>)) {
      const column = header.indexOf(en[key]);
      if (column < 1) continue;
      expect(totals.getCell(column).value, `${report} totals.${key}`).toBe(value === null ? null : Number(value));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(3); // every report's totals have at least three figures
  });
});

describe("the overview's changes", () => {
  // March against February, the whole company. Win rate: March 2 won (bob, carol) of 3 closed (carol's
  // lost deal) = 66,7 %, February 1 of 1 = 100 %: −33,3 percentage points, not −33,3 %. Deals won:
  // 2 against 1 = +100 %, a relative change.
  const march = "from=2025-03-01&to=2025-03-31";

  it("writes a rate's change in percentage points and a count's in percent, in the workbook", async () => {
    const workbook = await workbookOf(await exportAs("admin", "overview", `format=xlsx&lang=en&${march}`));
    const sheet = workbook.worksheets[1];
    const header = sheet.getRow(1).values as unknown[];
    const rowOf = (kpi: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === kpi)!;
    const change = header.indexOf("Change");
    expect(rowOf("Win rate").getCell(change).value).toBe(-33.33);
    expect(rowOf("Win rate").getCell(change).numFmt).toBe('+0.0" pp";-0.0" pp";0" pp"');
    expect(rowOf("Deals won").getCell(change).value).toBe(1);
    expect(rowOf("Deals won").getCell(change).numFmt).toBe("0.0%");
  });

  it("prints them as the KPI cards show them, in the PDF", async () => {
    const { text } = pdfText(await bytesOf(await exportAs("admin", "overview", `format=pdf&lang=ru&${march}`)));
    expect(text).toMatch(/Доля выигранных\s+66,7 %\s+100 %\s+\u221233,3\sп\.п\./);
    expect(text).not.toContain("33,3 %");
  });
});

describe("errors", () => {
  it("answers a bad format 400, an unknown report 404, no token 401, a manager outside the scope 403", async () => {
    const badFormat = await exportAs("admin", "sales-by-month", "format=docx");
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as { error: { message: string } }).error.message).toBe("format: must be one of csv, xlsx, pdf");
    expect((await exportAs("admin", "no-such-report", "format=csv")).status).toBe(404);
    expect((await exportAs("admin", "sales-by-month", "format=csv&from=2025-13-01")).status).toBe(400);
    const anonymous = await routeResponse(exportReport, "/api/reports/sales-by-month/export?format=csv", { params: { report: "sales-by-month" } });
    expect(anonymous.status).toBe(401);
    const outside = await exportAs("alice", "sales-by-month", `format=csv&managerId=${fx.f.crmUsers.carol.id}`);
    expect(outside.status).toBe(403);
  });
});

describe("PDF", () => {
  it("has the Cyrillic title, the period, the scope, the JSON API's numbers and the page count", async () => {
    const response = await exportAs("director", "sales-by-month", `format=pdf&lang=ru&${q1}`);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain('filename="sales-by-month_2025-01-01_2025-03-31.pdf"');
    const bytes = await bytesOf(response);
    if (process.env.EXPORT_TEST_OUT) writeFileSync(`${process.env.EXPORT_TEST_OUT}/sales-by-month.pdf`, bytes);
    const { pages, text } = pdfText(bytes);
    expect(text).toContain("Продажи по месяцам");
    expect(text).toContain("Период: 2025-01-01 — 2025-03-31");
    expect(text).toContain("Видимость: Отдел: Sales");
    // The director sees alice and bob: January 100 000, February 50 000.50, March 30 000 (carol's 20 000 is another department)
    expect(text).toMatch(/январь 2025\s+1\s+100 000 ₸/);
    expect(text).toMatch(/март 2025\s+1\s+30 000 ₸/);
    expect(text).toMatch(/Итого\s+3\s+180 001 ₸/); // 100 000 + 50 000.50 + 30 000 = 180 000.50, shown rounded as on the dashboard
    const api = await json<SalesJson>("director", "sales-by-month", q1);
    expect(api.totals.wonAmount).toBe("180000.50");
    expect(pages).toHaveLength(1);
    expect(text).toContain("Страница 1 из 1");
  });

  it("draws the funnel report in English with a section per pipeline", async () => {
    const response = await exportAs("admin", "sales-funnel", `format=pdf&lang=en&${q1}`);
    const bytes = await bytesOf(response);
    if (process.env.EXPORT_TEST_OUT) writeFileSync(`${process.env.EXPORT_TEST_OUT}/sales-funnel.pdf`, bytes);
    const { text } = pdfText(bytes);
    expect(text).toContain("Sales funnel: General");
    expect(text).toMatch(/Reached the\s*stage/);
  });
});
