// A past-orders file from upload to customers: an XLSX read by the sheet route, a `;` CSV read as
// the page reads it, both mapped and sent to the import as the page sends them.
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, orders, sources } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { guessMapping } from "@/lib/orders-upload/columns";
import { readCsv } from "@/lib/orders-upload/read-csv";
import { toOrders } from "@/lib/orders-upload/to-orders";
import { POST as importOrders } from "../import/route";
import { POST } from "./route";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let testDb: TestDb;
let a: OrgFixture;
let shopId: string;
const token: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db); // Asia/Almaty (UTC+5), KZT
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  [{ id: shopId }] = await testDb.db.insert(sources).values({ orgId: a.org.id, kind: "shop", name: "Магазин", webhookSecret: "s".repeat(32) }).returning();
});
afterAll(() => testDb.close());

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Заказы");
  sheet.addRow(["Номер заказа", "Дата", "Сумма", "Телефон"]);
  sheet.addRow(["X-1", new Date(Date.UTC(2025, 2, 5, 10, 0)), 1234.5, "+7 701 000 00 01"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const readSheet = (sourceId: string, body: Uint8Array | string, who = "admin", type = XLSX) =>
  callRoute(POST, `/api/sources/${sourceId}/orders/sheet`, { as: { token: token[who] }, method: "POST", body, params: { id: sourceId }, headers: { "content-type": type, "content-length": String(typeof body === "string" ? body.length : body.byteLength) } });

const send = (ndjson: string) =>
  callRoute(importOrders, `/api/sources/${shopId}/orders/import`, { as: { token: token.admin }, method: "POST", body: ndjson, params: { id: shopId }, headers: { "content-type": "application/x-ndjson" } });

describe("POST /api/sources/<id>/orders/sheet", () => {
  it("reads the workbook's first sheet as text rows", async () => {
    const answer = await readSheet(shopId, await workbook());
    expect(answer).toEqual({ status: 200, body: { rows: [["Номер заказа", "Дата", "Сумма", "Телефон"], ["X-1", "05.03.2025 10:00", "1234.5", "+7 701 000 00 01"]] } });
  });

  it("refuses a file that is not a workbook, another type, a director and a CRM source", async () => {
    expect(await readSheet(shopId, "Номер;Дата\n1;05.03.2025")).toMatchObject({ status: 400, body: { error: { code: "orders_sheet_unreadable" } } });
    expect(await readSheet(shopId, await workbook(), "admin", "text/csv")).toMatchObject({ status: 415 });
    expect((await readSheet(shopId, await workbook(), "director")).status).toBe(403);
    expect(await readSheet(a.source.id, await workbook())).toMatchObject({ status: 400, body: { error: { code: "orders_import_not_shop" } } });
  });
});

describe("a `;` CSV mapped and sent as the page sends it", () => {
  it("imports «1 234,50» of 05.03.2025 as 1234.50 on 5 March in Almaty and builds the customer", async () => {
    const { rows } = readCsv("Номер заказа;Дата;Сумма;Телефон;Статус\r\nR-1;05.03.2025;1 234,50;+7 701 555 00 11;Выполнен\r\nR-2;06.03.2025;2 000,00;8 701 555 00 11;Отменён\r\n");
    const mapped = toOrders(rows, guessMapping(rows[0]), { timeZone: "Asia/Almaty", currency: "KZT" });
    const answer = await send(mapped.orders.map((o) => JSON.stringify(o.order)).join("\n"));
    expect(answer.body).toEqual({ lines: 2, imported: 2, rejected: 0, rejections: [] });
    const [r1] = await testDb.db.select().from(orders).where(and(eq(orders.sourceId, shopId), eq(orders.externalId, "R-1")));
    expect([r1.total, r1.createdAt.toISOString()]).toEqual(["1234.50", "2025-03-04T19:00:00.000Z"]); // 5 March 00:00 at UTC+5
    const [buyer] = await testDb.db.select().from(customers).where(and(eq(customers.orgId, a.org.id), eq(customers.phone, "+77015550011")));
    // both orders are this one person's (one phone, spelled two ways); the cancelled 2 000 does not count: spent 1 234.50
    expect((await testDb.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.sourceId, shopId))).map((o) => o.customerId)).toEqual([buyer.id, buyer.id]);
    expect([buyer.orderCount, buyer.completedOrderCount, buyer.totalSpent]).toEqual([1, 1, "1234.50"]);
  });
});
