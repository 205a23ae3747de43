// The deals table export, read back: the same deals as GET /api/deals for the same filters, only
// the viewer's own (manager) or department's (director), streamed in batches, typed in Excel.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals } from "@/db/schema";
import { routeResponse } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { assertRowLimit, CSV_ROW_LIMIT, DEAL_BATCH_SIZE, XLSX_ROW_LIMIT } from "@/lib/export/deals/deals-export";
import { pdfText } from "@/lib/export/test/read-pdf";
import { bytesOf, callAs, createExportFixture, type ExportFixture, type Who } from "@/lib/export/test/export-fixture";
import { GET as listDeals } from "../route";
import { GET as exportDeals } from "./route";

let testDb: TestDb;
let fx: ExportFixture;
let big: OrgFixture;
let bigToken: string;
const BIG = DEAL_BATCH_SIZE * 2 + 321; // three batches, the last one partial

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createExportFixture(testDb);
  await fx.f.addRate("USD", "2025-01-01", "500");
  await fx.f.addDeal({ manager: "alice", stage: "NEW", amount: "100", currency: "USD", createdAt: "2025-03-15T04:00:00Z" });
  big = await createOrgFixture(testDb.db);
  const rows = Array.from({ length: BIG }, (_, index) => ({
    orgId: big.org.id,
    sourceId: big.source.id,
    externalId: `B${index}`,
    title: `Сделка ${index}`,
    pipelineId: big.pipeline.id,
    stageId: big.stages.NEW.id,
    amount: String(index),
    currency: "KZT",
    crmUserId: big.crmUsers.alice.id,
    createdAt: new Date(Date.UTC(2025, 0, 1) + index * 60_000),
  }));
  for (let start = 0; start < rows.length; start += 2000) await testDb.db.insert(deals).values(rows.slice(start, start + 2000));
  bigToken = (await createApiToken(testDb.db, { orgId: big.org.id, userId: big.users.admin.id }, "big")).token;
});
afterAll(() => testDb.close());

const exportAs = (who: Who, query: string) => callAs(exportDeals, fx, who, `/api/deals/export?${query}`);

async function csvRecords(response: Response, delimiter = ";"): Promise<string[][]> {
  expect(response.status).toBe(200);
  const bytes = await bytesOf(response);
  expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
  return parse(bytes.subarray(3), { delimiter }) as string[][];
}

async function apiExternalIds(who: Who, query: string): Promise<string[]> {
  const response = await callAs(listDeals, fx, who, `/api/deals?limit=500&${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { deals: { externalId: string }[] }).deals.map((deal) => deal.externalId);
}

describe("deals CSV", () => {
  it("holds the same deals in the same order as the table, in Russian, with local times", async () => {
    const query = "status=won&periodOn=closed&from=2025-01-01&to=2025-03-31&sort=amount&order=desc";
    const records = await csvRecords(await exportAs("admin", `format=csv&lang=ru&${query}`));
    expect(records[0].slice(0, 3)).toEqual(["ID в CRM", "Название", "Менеджер"]);
    const ids = records.slice(1).map((record) => record[0]);
    expect(ids).toEqual(await apiExternalIds("admin", query));
    // The four won deals, biggest first: 100 000, 50 000.50, 30 000, 20 000
    const amount = records[0].indexOf("Сумма");
    expect(records.slice(1).map((record) => record[amount])).toEqual(["100000,00", "50000,50", "30000,00", "20000,00"]);
    const first = records[1];
    expect(first[2]).toBe("Анна Петрова");
    expect(first[records[0].indexOf("Создана")]).toBe("2025-01-02 15:00"); // 10:00 UTC is 15:00 in Almaty
    expect(first[records[0].indexOf("Закрыта")]).toBe("2025-01-15 15:00");
    expect(first[records[0].indexOf("Тип этапа")]).toBe("Выиграна");
    const bob = records.find((record) => record[records[0].indexOf("Сумма")] === "30000,00")!;
    expect(bob[2]).toBe(`'=HYPERLINK("http://evil.example","x")`);
  });

  it("holds only a manager's own deals, and a director's department", async () => {
    const managerIds = (await csvRecords(await exportAs("alice", "format=csv"))).slice(1).map((record) => record[2]);
    expect(managerIds).toEqual(["Анна Петрова", "Анна Петрова", "Анна Петрова", "Анна Петрова"]); // 2 won, 1 open in ₸, 1 open in $
    const director = (await csvRecords(await exportAs("director", "format=csv"))).slice(1);
    expect(director).toHaveLength(5); // alice's 4 + bob's 1; carol is in another department
    expect(director.every((record) => record[2] !== "carol")).toBe(true);
    const admin = (await csvRecords(await exportAs("admin", "format=csv"))).slice(1);
    expect(admin).toHaveLength(7); // alice 4 + bob 1 + carol 2, nothing of the other organisation
  });

  it("streams every row of a table longer than one batch, once each", async () => {
    const response = await routeResponse(exportDeals, "/api/deals/export?format=csv&lang=en&sort=created&order=asc", { as: { token: bigToken } });
    const records = await csvRecords(response, ",");
    expect(records).toHaveLength(BIG + 1);
    expect(new Set(records.slice(1).map((record) => record[0])).size).toBe(BIG);
    expect(records[1][0]).toBe("B0");
    expect(records[BIG][0]).toBe(`B${BIG - 1}`);
    expect(records[BIG][records[0].indexOf("Amount")]).toBe(`${BIG - 1}.00`);
  });
});

describe("deals XLSX", () => {
  it("streams a workbook with the About sheet, typed dates and each deal's own currency", async () => {
    const response = await exportAs("alice", "format=xlsx&lang=ru");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="deals.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["О выгрузке", "Сделки"]);
    const sheet = workbook.getWorksheet("Сделки")!;
    const header = sheet.getRow(1).values as unknown[];
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(5); // header + alice's 4 deals
    const rows = [2, 3, 4, 5].map((index) => sheet.getRow(index));
    const dollar = rows.find((row) => row.getCell(header.indexOf("Валюта")).value === "USD")!;
    expect(dollar.getCell(header.indexOf("Сумма")).value).toBe(100);
    expect(dollar.getCell(header.indexOf("Сумма")).numFmt).toBe('"$"#,##0.00');
    expect(dollar.getCell(header.indexOf("В валюте учёта")).value).toBe(50000); // 100 $ × 500
    expect(dollar.getCell(header.indexOf("В валюте учёта")).numFmt).toBe('#,##0.00 "₸"');
    // 15 March 04:00 UTC is 09:00 in Almaty, stored as the wall-clock time
    expect(dollar.getCell(header.indexOf("Создана")).value).toEqual(new Date("2025-03-15T09:00:00Z"));
    expect(dollar.getCell(header.indexOf("Создана")).numFmt).toBe("dd.mm.yyyy hh:mm");
  });

  it("refuses more rows than an Excel sheet holds, offering the CSV; and more than the CSV limit", () => {
    const params = new URLSearchParams("status=won");
    expect(() => assertRowLimit("xlsx", XLSX_ROW_LIMIT, params, "en")).not.toThrow();
    expect(() => assertRowLimit("xlsx", XLSX_ROW_LIMIT + 1, params, "en")).toThrow(
      "The export has 1,048,576 rows; an Excel sheet holds at most 1,048,575. Narrow the filters or export CSV: /api/deals/export?status=won&format=csv",
    );
    expect(() => assertRowLimit("csv", XLSX_ROW_LIMIT + 1, params, "ru")).toThrow("В выгрузке 1\u00a0048\u00a0576 строк, а в CSV помещается не больше 1\u00a0000\u00a0000. Сузьте фильтры.");
    expect(() => assertRowLimit("csv", CSV_ROW_LIMIT, params, "ru")).not.toThrow();
  });
});

describe("deals PDF and errors", () => {
  it("prints the deals with the scope and page numbers", async () => {
    const response = await exportAs("director", "format=pdf&lang=ru&status=won");
    const { text } = pdfText(await bytesOf(response));
    expect(text).toContain("Сделки");
    expect(text).toContain("Фильтры: Статус: Выиграна");
    expect(text).toContain("Видимость: Отдел: Sales");
    // a deal's own amount to the kopeck, as the deals table on screen shows it (docs/glossary.md)
    expect(text).toMatch(/Анна Петрова.*100 000,00 ₸/);
    expect(text).toContain("Страница 1 из 1");
  });

  it("answers bad filters 400, a manager outside the scope 403, no token 401", async () => {
    expect((await exportAs("admin", "format=csv&status=maybe")).status).toBe(400);
    expect((await exportAs("admin", "format=odt")).status).toBe(400);
    expect((await exportAs("alice", `format=csv&managerId=${fx.f.crmUsers.carol.id}`)).status).toBe(403);
    expect((await routeResponse(exportDeals, "/api/deals/export?format=csv")).status).toBe(401);
  });
});
