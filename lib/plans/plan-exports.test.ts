// The plan in the Sales and Managers exports: the same figures the report's JSON carries, through the
// existing export layouts (a "plan" table for Sales; plan columns on the Managers table).
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { bytesOf, callAs, createExportFixture, type ExportFixture } from "@/lib/export/test/export-fixture";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { GET as exportReport } from "@/app/api/reports/[report]/export/route";
import { savePlans } from "./apply";

let testDb: TestDb;
let fx: ExportFixture;
// The period ends in March 2025, long over: the plan month is March, all 31 days have run, and the
// projection is the fact.
const q1 = "from=2025-01-01&to=2025-03-31";

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createExportFixture(testDb);
  // March: bob (Sales) won 30 000 ₸, carol (Online) 20 000 ₸, alice nothing.
  const admin = (await loadViewer(testDb.db, fx.f.users.admin.id)) as Viewer;
  await savePlans(testDb.db, admin, [
    { month: "2025-03", userId: fx.f.users.bob.id, revenue: "40000", wonDeals: 2 },
    { month: "2025-03", userId: fx.f.users.alice.id, revenue: "60000", wonDeals: null },
    { month: "2025-03", departmentId: fx.f.departments.online.id, revenue: "80000", wonDeals: 4 },
  ], "api");
});
afterAll(() => testDb.close());

const exportAs = (who: "admin" | "director", report: string, query: string) => callAs(exportReport, fx, who, `/api/reports/${report}/export?${query}`, { report });
async function csv(response: Response, delimiter = ";"): Promise<string[][]> {
  expect(response.status).toBe(200);
  return parse((await bytesOf(response)).subarray(3), { delimiter }) as string[][];
}

describe("exports with plans", () => {
  it("Sales, table=plan: the director's plan 40 000 + 60 000 = 100 000 ₸, fact 30 000 ₸ → 30 %; 1 of 2 deals → 50 %", async () => {
    const records = await csv(await exportAs("director", "sales-by-month", `format=csv&lang=ru&table=plan&${q1}`));
    expect(records).toEqual([
      ["Месяц плана", "План выручки", "Выручка за месяц", "Выполнение плана", "Прогноз на конец месяца", "План по сделкам", "Сделок за месяц", "Выполнение по сделкам", "Прогноз сделок на конец месяца"],
      // percentages as the CSV writes every share: 30 means 30 %
      ["2025-03", "100000,00", "30000,00", "30", "30000,00", "2", "1", "50", "1"],
    ]);
  });

  it("Managers: each person's plan columns; alice 0 of 60 000 ₸, bob 30 000 of 40 000 ₸ = 75 %", async () => {
    const records = await csv(await exportAs("director", "manager-activity", `format=csv&lang=en&${q1}`), ",");
    const header = records[0];
    const at = (name: string) => header.indexOf(name);
    expect(header.slice(-8)).toEqual(["Revenue plan", "Revenue this month", "Plan done", "Month-end projection", "Won deals plan", "Won deals this month", "Won deals plan done", "Month-end won deals projection"]);
    const byName = Object.fromEntries(records.slice(1).map((row) => [row[0], [row[at("Revenue plan")], row[at("Revenue this month")], row[at("Plan done")], row[at("Won deals plan done")]]]));
    expect(byName).toMatchObject({
      "Анна Петрова": ["60000.00", "0.00", "0", ""], // no won-deals plan: an empty cell
      "'=HYPERLINK(\"http://evil.example\",\"x\")": ["40000.00", "30000.00", "75", "50"],
      Total: ["100000.00", "30000.00", "30", "50"],
    });
  });

  it("the admin's workbook has the plan sheet: Online 80 000 + Sales' managers 100 000 = 180 000 ₸ against 50 000 ₸", async () => {
    const response = await exportAs("admin", "sales-by-month", `format=xlsx&lang=ru&${q1}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["О выгрузке", "Продажи по месяцам", "План и факт"]);
    const sheet = workbook.getWorksheet("План и факт")!;
    const headerRow = sheet.getRow(1).values as unknown[];
    const values = sheet.getRow(2).values as unknown[];
    const cell = (name: string) => values[headerRow.indexOf(name)];
    expect([cell("План выручки"), cell("Выручка за месяц"), cell("Выполнение плана"), cell("План по сделкам"), cell("Сделок за месяц")]).toEqual([180000, 50000, 0.2778, 6, 2]);
  });
});
