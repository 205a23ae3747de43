// The leads table export, read back: the same leads in the same order as GET /api/leads for the same
// filters, only the viewer's own (manager) or department's (director), in CSV, Excel and PDF.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads } from "@/db/schema";
import { addSourcedLead } from "@/db/test/activity-fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { pdfText } from "@/lib/export/test/read-pdf";
import { bytesOf, callAs, createExportFixture, type ExportFixture, type Who } from "@/lib/export/test/export-fixture";
import { GET as listLeads } from "../route";
import { GET as exportLeads } from "./route";

let testDb: TestDb;
let fx: ExportFixture;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createExportFixture(testDb);
  const lead = async (externalId: string, manager: "alice" | "bob" | "carol", createdAt: string, channel: string | null, converted = false) => {
    const row = await addSourcedLead(testDb.db, fx.f, { manager, createdAt, channel, utmSource: "yandex", status: converted ? "converted" : "open", convertedAt: converted ? createdAt : undefined });
    await testDb.db.update(leads).set({ externalId, title: `Лид ${externalId}` }).where(eq(leads.id, row.id));
  };
  await lead("L1", "alice", "2025-03-01T10:00:00Z", "Сайт", true);
  await lead("L2", "bob", "2025-03-02T10:00:00Z", "Сайт");
  await lead("L3", "carol", "2025-03-03T10:00:00Z", "Сайт");
  await lead("L4", "alice", "2025-03-04T10:00:00Z", "Звонок");
});
afterAll(() => testDb.close());

const exportAs = (who: Who, query: string) => callAs(exportLeads, fx, who, `/api/leads/export?${query}`);

async function csvRecords(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  const bytes = await bytesOf(response);
  expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
  return parse(bytes.subarray(3), { delimiter: ";" }) as string[][];
}

async function apiExternalIds(who: Who, query: string): Promise<string[]> {
  const response = await callAs(listLeads, fx, who, `/api/leads?limit=500&${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { leads: { externalId: string }[] }).leads.map((lead) => lead.externalId);
}

describe("leads CSV", () => {
  it("holds the «Сайт» leads of March in the table's order, in Russian, with local times", async () => {
    const query = "from=2025-03-01&to=2025-03-31&channel=Сайт&sort=created&order=asc";
    const records = await csvRecords(await exportAs("admin", `format=csv&lang=ru&${query}`));
    const header = records[0];
    expect(header.slice(0, 6)).toEqual(["ID в CRM", "Название", "Менеджер", "Источник лида", "Статус в CRM", "Конвертировано"]);
    // L1, L2, L3 came from «Сайт»; L4 was a call
    expect(records.slice(1).map((record) => record[0])).toEqual(["L1", "L2", "L3"]);
    expect(records.slice(1).map((record) => record[0])).toEqual(await apiExternalIds("admin", query));
    const first = records[1];
    expect([first[2], first[4], first[5]]).toEqual(["Анна Петрова", "Сконвертирован", "да"]);
    expect(first[header.indexOf("Создана")]).toBe("2025-03-01 15:00"); // 10:00 UTC is 15:00 in Almaty
    expect(first[header.indexOf("Команда трафика")]).toBe("Без команды");
  });

  it("holds only a manager's own leads, and a director's department", async () => {
    const alice = (await csvRecords(await exportAs("alice", "format=csv"))).slice(1).map((record) => record[0]);
    expect(alice).toEqual(["L4", "L1"]); // newest first
    const director = (await csvRecords(await exportAs("director", "format=csv"))).slice(1).map((record) => record[0]);
    expect(director).toEqual(["L4", "L2", "L1"]); // carol's L3 is another department's
  });

  it("answers 400 naming a bad bucket parameter", async () => {
    const response = await exportAs("admin", "format=csv&status=won");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe("status");
  });
});

describe("leads XLSX and PDF", () => {
  it("streams a workbook with the About sheet and the director's 3 leads", async () => {
    const response = await exportAs("director", "format=xlsx&lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="leads.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["About", "Leads"]);
    const sheet = workbook.getWorksheet("Leads")!;
    expect(sheet.rowCount).toBe(4); // header + L4, L2, L1
    const header = sheet.getRow(1).values as unknown[];
    expect(sheet.getRow(2).getCell(header.indexOf("Lead source")).value).toBe("Звонок");
    expect(sheet.getRow(2).getCell(header.indexOf("Created")).value).toEqual(new Date("2025-03-04T15:00:00Z"));
  });

  it("says a manager's file holds their own data, not «own deals», for leads too", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(await exportAs("alice", "format=xlsx&lang=en"))) as unknown as ArrayBuffer);
    const about = workbook.getWorksheet("About")!;
    const visibility = about.getRows(1, about.rowCount)!.find((row) => row.getCell(1).value === "Visibility");
    expect(visibility?.getCell(2).value).toMatch(/^Own data only \(/);
  });

  it("renders a PDF of the converted leads without a team: L1 alone, the filters in words", async () => {
    const response = await exportAs("admin", "format=pdf&lang=en&status=converted&teamId=none");
    expect(response.status).toBe(200);
    const { text } = pdfText(await bytesOf(response));
    expect(text).toContain("Traffic team: Unattributed");
    expect(text).toContain("Status: Converted");
    expect(text).toContain("Лид L1");
    expect(text).not.toContain("Лид L2");
  });
});
