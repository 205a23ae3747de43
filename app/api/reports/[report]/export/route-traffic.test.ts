// The traffic-teams report and the Traffic dashboard as files: the JSON API's numbers, the spend
// headed "your share" for a director, and every card of the dashboard in one workbook or PDF.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeResponse } from "@/db/test/call-route";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { pdfText } from "@/lib/export/test/read-pdf";
import { createTrafficFixture, type TrafficFixture } from "@/lib/reports/traffic-teams-fixtures";
import { GET as exportDashboard } from "../../../dashboards/[dashboard]/export/route";
import { GET as exportReport } from "./route";

let testDb: TestDb;
let fx: TrafficFixture;
const token: Record<string, string> = {};
const march = "from=2025-03-01&to=2025-03-31";

const call = (handler: typeof exportReport, who: string, path: string, params: Record<string, string>) =>
  routeResponse(handler, path, { as: { token: token[who] }, params });
const bytes = async (response: Response) => {
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createTrafficFixture(testDb.db);
  for (const who of ["admin", "director"] as const) {
    token[who] = (await createApiToken(testDb.db, { orgId: fx.f.org.id, userId: fx.f.users[who].id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("traffic-teams export", () => {
  it("gives a director's CSV of a breakdown with the allocated spend", async () => {
    const response = await call(exportReport, "director", `/api/reports/traffic-teams/export?format=csv&lang=en&table=byCampaign&${march}`, { report: "traffic-teams" });
    const records = parse((await bytes(response)).subarray(3), { delimiter: "," }) as string[][];
    expect(records[0]).toEqual(["Team", "utm_campaign", "Leads", "Sales", "Revenue", "Spend (your share)", "CPL (cost per lead)", "CAC (cost per sale)", "ROMI", "Lead-to-sale"]);
    // Alpha's spring: alice's 2 leads and 100 000 ₸; 60 000 ₸ × Alpha's 3 of 4 leads = 45 000 ₸;
    // CPL 22 500, CAC 45 000, ROMI (100 000 − 45 000) ÷ 45 000 = 122.22 %, conversion 50 %.
    expect(records[1]).toEqual(["Alpha", "spring", "2", "1", "100000.00", "45000.00", "22500.00", "45000.00", "122.22", "50"]);
  });

  it("gives an admin's workbook with the teams, the Unattributed row and the teams' totals", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(await call(exportReport, "admin", `/api/reports/traffic-teams/export?format=xlsx&lang=ru&${march}`, { report: "traffic-teams" }))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["О выгрузке", "Команды трафика", "Команды по месяцам", "Команды по utm_source", "Команды по utm_campaign"]);
    const teams = workbook.worksheets[1];
    expect(teams.getRow(1).values).toEqual([undefined, "Команда", "Лиды", "Продажи", "Выручка", "Расходы", "CPL (цена лида)", "CAC (цена продажи)", "ROMI", "Конверсия в продажу", "Доля лидов", "Доля выручки"]);
    expect(teams.getRow(2).values).toEqual([undefined, "Alpha", 4, 2, 204000, 112000, 28000, 56000, 0.8214, 0.5, 0.4444, 0.816]);
    expect(teams.getRow(6).getCell(1).value).toBe("Без команды");
    // Teams: 147 000 ₸ spent on 7 leads = 21 000 ₸ each
    expect(teams.lastRow!.values).toEqual([undefined, "Итого", 7, 2, 204000, 147000, 21000, 73500, 0.3878, 0.2857]);
  });

  it("puts the Traffic dashboard into one PDF, spend headed as the director's share", async () => {
    const response = await call(exportDashboard as typeof exportReport, "director", `/api/dashboards/traffic/export?format=pdf&lang=ru&${march}`, { dashboard: "traffic" });
    expect(response.headers.get("content-disposition")).toContain('filename="dashboard-traffic_2025-03-01_2025-03-31.pdf"');
    const { text } = pdfText(await bytes(response));
    for (const title of ["Трафик", "Команды трафика", "Команды по месяцам", "Команды по utm_source", "Команды по utm_campaign", "Расходы (доля)", "Без команды"]) expect(text).toContain(title);
    // 84 000 + 15 000 = 99 000 ₸ allocated to the director; ROMI (100 000 − 99 000) ÷ 99 000 = 1 %
    expect(text).toMatch(/Итого\s+5\s+1\s+100 000 ₸\s+99 000 ₸/);
  });
});
