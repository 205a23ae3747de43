// A built report's exports read back as a person's tools read them (csv-parse, exceljs, pdftotext):
// the rows and totals equal POST /api/reports/custom for the same body and the same viewer.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/db/test/call-route";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { pdfText } from "@/lib/export/test/read-pdf";
import { bytesOf, callAs, createExportFixture, type ExportFixture, type Who } from "@/lib/export/test/export-fixture";
import { bodyAt } from "@/lib/reports/builder/address";
import { POST as custom } from "../route";
import { GET as exportCustom } from "./route";

let testDb: TestDb;
let fx: ExportFixture;
// Won revenue, won deals and the average deal by month over the first quarter of 2025.
const byMonth = "m=wonRevenue%2CwonDeals%2CaverageDeal&d=month&from=2025-01-01&to=2025-03-31&chart=bar";

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createExportFixture(testDb);
});
afterAll(() => testDb.close());

const exportAs = (who: Who, query: string) => callAs(exportCustom, fx, who, `/api/reports/custom/export?${query}`);

type Built = { rows: { keys: (string | null)[]; labels: (string | null)[]; values: Record<string, string | number | null> }[]; totals: Record<string, string | number | null> };
async function builtAs(who: Who, address: string): Promise<Built> {
  const answer = await callRoute(custom, "/api/reports/custom", { as: { token: fx.tokens[who] }, method: "POST", body: bodyAt(new URLSearchParams(address)) });
  expect(answer.status).toBe(200);
  return answer.body as Built;
}

async function csvOf(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return parse((await bytesOf(response)).subarray(3), { delimiter: "," }) as string[][];
}

describe("GET /api/reports/custom/export", () => {
  it("writes a CSV whose rows and totals are the builder's JSON rows", async () => {
    const response = await exportAs("admin", `format=csv&lang=en&${byMonth}`);
    expect(response.headers.get("content-disposition")).toContain('filename="custom-report_2025-01-01_2025-03-31.csv"');
    const records = await csvOf(response);
    expect(records[0]).toEqual(["Month", "Won revenue", "Won deals", "Average deal"]);
    // January 100 000 in 1; February 50 000.50 in 1; March 30 000 + 20 000 = 50 000 in 2 (25 000 each).
    expect(records.slice(1)).toEqual([
      ["2025-01", "100000.00", "1", "100000.00"],
      ["2025-02", "50000.50", "1", "50000.50"],
      ["2025-03", "50000.00", "2", "25000.00"],
      // 100 000 + 50 000.50 + 50 000 = 200 000.50 in 4 deals; 200 000.50 ÷ 4 = 50 000.125 → 50 000.13
      ["Total", "200000.50", "4", "50000.13"],
    ]);
    const json = await builtAs("admin", byMonth);
    expect(records.slice(1, -1)).toEqual(json.rows.map((row) => [row.keys[0], row.values.wonRevenue, String(row.values.wonDeals), row.values.averageDeal]));
    expect(records.at(-1)!.slice(1)).toEqual([json.totals.wonRevenue, String(json.totals.wonDeals), json.totals.averageDeal]);
  });

  it("gives a manager their own rows only, as the JSON answer does", async () => {
    const byManager = "m=wonRevenue%2CwonDeals&d=manager&from=2025-01-01&to=2025-03-31";
    const records = await csvOf(await exportAs("alice", `format=csv&lang=en&${byManager}`));
    // Alice «Анна Петрова» alone: 100 000 + 50 000.50 = 150 000.50 in 2 — never bob's 30 000 or carol's 20 000.
    expect(records.slice(1)).toEqual([
      ["Анна Петрова", "150000.50", "2"],
      ["Total", "150000.50", "2"],
    ]);
    const json = await builtAs("alice", byManager);
    expect(json.rows.map((row) => [row.labels[0], row.values.wonRevenue, String(row.values.wonDeals)])).toEqual([records[1]]);
    // The director: alice and bob (Sales), sorted by name; bob's name that looks like a formula is neutralised.
    const director = await csvOf(await exportAs("director", `format=csv&lang=en&${byManager}`));
    expect(director.slice(1)).toEqual([
      ["'=HYPERLINK(\"http://evil.example\",\"x\")", "30000.00", "1"],
      ["Анна Петрова", "150000.50", "2"],
      ["Total", "180000.50", "3"],
    ]);
  });

  it("writes an Excel workbook of numbers equal to the JSON, and a PDF that reads the same figures", async () => {
    const workbookResponse = await exportAs("admin", `format=xlsx&lang=ru&${byMonth}`);
    expect(workbookResponse.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(workbookResponse)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[1];
    expect(sheet.getRow(1).values).toEqual([undefined, "Месяц", "Выручка (выигранные)", "Выигранные сделки", "Средний чек"]);
    expect(sheet.getRow(3).values).toEqual([undefined, new Date(Date.UTC(2025, 1, 1)), 50000.5, 1, 50000.5]);
    expect(sheet.getRow(5).values).toEqual([undefined, "Итого", 200000.5, 4, 50000.13]);

    const pdf = await exportAs("admin", `format=pdf&lang=ru&${byMonth}`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const { text } = pdfText(await bytesOf(pdf));
    expect(text).toContain("Конструктор отчётов");
    expect(text).toMatch(/февраль 2025\s+50 000,50 ₸\s+1\s+50 000,50 ₸/);
    expect(text).toMatch(/Итого\s+200 000,50 ₸\s+4\s+50 000,13 ₸/);
  });

  it.each([
    ["an unknown measure", "format=csv&m=profit", 400, "validation_error", "measures.0"],
    ["no measure", "format=csv&d=month", 400, "validation_error", "measures"],
    ["a pair the facts cannot answer", "format=csv&m=calls&d=stage", 400, "builder_pair_unavailable", "dimensions"],
    ["a limit that is not a number", "format=csv&m=leads&limit=many", 400, "validation_error", "limit"],
    ["an unknown format", "format=docx&m=leads", 400, "validation_error", "format"],
  ])("refuses %s", async (_, query, status, code, field) => {
    const response = await exportAs("admin", query);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatchObject({ code, field });
  });

  it("refuses a manager filter outside the caller's scope", async () => {
    const response = await exportAs("alice", `format=csv&m=wonRevenue&managerId=${fx.f.users.carol.id}`);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("manager_out_of_scope");
  });
});
