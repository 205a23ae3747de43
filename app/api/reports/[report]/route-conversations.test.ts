// GET /api/reports/conversations: objections per manager, stage and month, the tone by month, lost
// deals by their last objection and example quotes, from a small set of analysed texts — per role
// (a manager's own deals, a director's department, the admin's organisation), and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeRequest } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { eq } from "drizzle-orm";
import { crmUsers, deals } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import type { ConversationsResult } from "@/lib/reports/conversations";
import { addAnalysedText, type FixtureText } from "@/lib/reports/conversations-fixtures";
import ExcelJS from "exceljs";
import { pdfText } from "@/lib/export/test/read-pdf";
import { GET } from "./route";
import { GET as exportReport } from "./export/route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<string, string> = {};
const PERIOD = "from=2026-10-01&to=2026-11-30";

function exportAs(query: string, who: string) {
  return exportReport(routeRequest(`/api/reports/conversations/export?${query}`, { as: { token: token[who] } }), { params: Promise.resolve({ report: "conversations" }) });
}
function call(query: string, who: string) {
  return GET(routeRequest(`/api/reports/conversations?${query}`, { as: { token: token[who] } }), { params: Promise.resolve({ report: "conversations" }) });
}
async function reportOf(who: string, query = PERIOD): Promise<ConversationsResult> {
  const response = await call(query, who);
  expect(response.status).toBe(200);
  return response.json();
}
const zero = { price: 0, timing: 0, competitor: 0, trust: 0, need: 0, authority: 0, other: 0 };

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  const other = await createOrgFixture(testDb.db);
  const a1 = await f.addDeal({ manager: "alice", stage: "EXECUTING", amount: "100", createdAt: "2026-09-01T06:00:00Z" });
  const a2 = await f.addDeal({ manager: "alice", stage: "LOSE", amount: "100", createdAt: "2026-09-01T06:00:00Z", closedAt: "2026-11-20T06:00:00Z" });
  const b1 = await f.addDeal({ manager: "bob", stage: "NEW", amount: "100", createdAt: "2026-09-01T06:00:00Z" });
  const b2 = await f.addDeal({ manager: "bob", stage: "LOSE", amount: "100", createdAt: "2026-09-01T06:00:00Z", closedAt: "2026-11-25T06:00:00Z" });
  const c1 = await f.addDeal({ manager: "carol", stage: "NEW", amount: "100", createdAt: "2026-09-01T06:00:00Z" });
  const text = (dealId: string, occurredAt: string, rest: Partial<FixtureText> = {}) => addAnalysedText(testDb.db, { orgId: f.org.id, sourceId: f.source.id, dealId, occurredAt, ...rest });
  // alice, open deal a1
  await text(a1.id, "2026-10-05T06:00:00Z", { analysis: { sentiment: -0.6, objections: [["price", "дорого"], ["competitor", "у конкурента дешевле"]] } });
  await text(a1.id, "2026-11-03T06:00:00Z", { analysis: { sentiment: -0.4, objections: [["price", "бюджет меньше"]] } });
  await text(a1.id, "2026-11-10T06:00:00Z", { analysis: { sentiment: 0.5 } });
  // alice, lost deal a2: its last objection is authority (the first of its newest text that raised one)
  await text(a2.id, "2026-10-20T06:00:00Z", { analysis: { sentiment: -0.1, objections: [["timing", "вернёмся в январе"]] } });
  await text(a2.id, "2026-11-15T06:00:00Z", { analysis: { sentiment: -0.5, objections: [["authority", "решает директор"], ["price", "и дорого"]] } });
  // bob: one objection on b1, one text not analysed yet; lost deal b2 without any objection
  await text(b1.id, "2026-11-02T06:00:00Z", { analysis: { sentiment: 0.1, objections: [["need", "не нужно сейчас"]] } });
  await text(b1.id, "2026-11-04T06:00:00Z");
  await text(b2.id, "2026-11-01T06:00:00Z", { analysis: { sentiment: -0.3 } });
  // alice's second CRM account (one person: her row adds it up): a3, trust
  const [second] = await testDb.db.insert(crmUsers).values({ orgId: f.org.id, sourceId: f.source.id, externalId: "alice-2", name: "alice", userId: f.users.alice.id }).returning();
  const a3 = await f.addDeal({ manager: "alice", stage: "NEW", amount: "100", createdAt: "2026-09-01T06:00:00Z" });
  await testDb.db.update(deals).set({ crmUserId: second.id }).where(eq(deals.id, a3.id));
  await text(a3.id, "2026-11-12T06:00:00Z", { analysis: { sentiment: 0, objections: [["trust", "не уверены в вас"]] } });
  // carol (the Online department)
  await text(c1.id, "2026-10-08T06:00:00Z", { analysis: { sentiment: 0.3, objections: [["price", "цена высокая"]] } });
  // not counted: before the period, deleted, blank
  await text(a1.id, "2026-09-10T06:00:00Z", { analysis: { sentiment: -1, objections: [["price", "старое"]] } });
  await text(a1.id, "2026-11-05T06:00:00Z", { analysis: { sentiment: -1, objections: [["price", "удалённое"]] }, deletedAt: "2026-11-06T06:00:00Z" });
  await text(a1.id, "2026-11-06T06:00:00Z", { body: "   ", analysis: { sentiment: -1, objections: [["price", "пустое"]] } });
  // another organisation's text is never seen
  const o1 = await other.addDeal({ manager: "alice", stage: "NEW", amount: "100", createdAt: "2026-09-01T06:00:00Z" });
  await addAnalysedText(testDb.db, { orgId: other.org.id, sourceId: other.source.id, dealId: o1.id, occurredAt: "2026-11-01T06:00:00Z", analysis: { sentiment: -1, objections: [["price", "чужое"]] } });
  for (const who of ["admin", "director", "alice", "bob"] as const) {
    token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
  }
}, 120_000);
afterAll(() => testDb.close());

describe("GET /api/reports/conversations", () => {
  it("counts the texts that raised each objection per manager, for the admin's whole organisation", async () => {
    const body = await reportOf("admin");
    expect(body.rows.map((row) => [row.managerName, row.texts, row.analysed])).toEqual([
      ["alice", 6, 6],
      ["bob", 3, 2],
      ["carol", 1, 1],
    ]);
    // alice (both accounts, her row is her user's): price in 3 texts (5 Oct, 3 Nov, 15 Nov), competitor 1,
    // timing 1, authority 1, trust 1; 5 texts raised any
    expect(body.rows[0]).toMatchObject({ managerId: f.users.alice.id, ...zero, price: 3, competitor: 1, timing: 1, authority: 1, trust: 1, total: 5 });
    // alice's tone: (−0.6 − 0.4 + 0.5 − 0.1 − 0.5 + 0) ÷ 6 = −0.18; 1 positive, 2 neutral (−0.1, 0), 3 negative
    expect(body.rows[0]).toMatchObject({ averageSentiment: -0.18, positive: 1, neutral: 2, negative: 3 });
    expect(body.rows[1]).toMatchObject({ ...zero, need: 1, total: 1, averageSentiment: -0.1 });
    expect(body.rows[2]).toMatchObject({ ...zero, price: 1, total: 1, averageSentiment: 0.3 });
    // price: alice 3 + carol 1 = 4 texts; any objection: alice 5 + bob 1 + carol 1 = 7 texts; 6 + 3 + 1 = 10 texts, 9 analysed
    expect(body.totals).toMatchObject({ texts: 10, analysed: 9, price: 4, competitor: 1, timing: 1, authority: 1, need: 1, trust: 1, other: 0, total: 7 });
  });

  it("counts per stage of the deal and per month, with the tone by month", async () => {
    const body = await reportOf("admin");
    expect(body.byStage.map((row) => [row.stageName, row.price, row.total])).toEqual([
      ["NEW", 1, 3], // b1 need, c1 price, a3 trust
      ["EXECUTING", 2, 2], // a1: 5 Oct (price, competitor), 3 Nov (price)
      ["LOSE", 1, 2], // a2: timing; authority + price
    ]);
    expect(body.byMonth.map((row) => [row.month, row.texts, row.analysed, row.price, row.total, row.averageSentiment])).toEqual([
      // October: 5 Oct, 20 Oct, 8 Oct; (−0.6 − 0.1 + 0.3) ÷ 3 = −0.13
      ["2026-10", 3, 3, 2, 3, -0.13],
      // November: 7 texts, 6 analysed; (−0.4 + 0.5 − 0.5 + 0.1 − 0.3 + 0) ÷ 6 = −0.1
      ["2026-11", 7, 6, 2, 4, -0.1],
    ]);
  });

  it("puts each lost deal under its last objection and quotes the newest three of each type", async () => {
    const body = await reportOf("admin");
    expect(body.lostByObjection).toEqual([
      { type: "authority", deals: 1, share: 0.5 },
      { type: null, deals: 1, share: 0.5 },
    ]);
    expect(body.lostDeals.map((deal) => [deal.managerName, deal.type, deal.quote])).toEqual([
      ["bob", null, null], // closed 25 Nov
      ["alice", "authority", "решает директор"], // closed 20 Nov
    ]);
    expect(body.quotes.filter((q) => q.type === "price").map((q) => q.quote)).toEqual(["и дорого", "бюджет меньше", "цена высокая"]);
  });

  it("gives a director the department (alice + bob) and a manager only the texts of their own deals", async () => {
    const director = await reportOf("director");
    expect(director.rows.map((row) => row.managerName)).toEqual(["alice", "bob"]);
    // alice 3 + bob 0 = 3 price texts; 5 + 1 = 6 texts raised any; 6 + 3 = 9 texts
    expect(director.totals).toMatchObject({ texts: 9, price: 3, total: 6 });
    const alice = await reportOf("alice");
    expect(alice.rows.map((row) => row.managerName)).toEqual(["alice"]);
    expect(alice.totals).toMatchObject({ texts: 6, analysed: 6, price: 3, need: 0, total: 5 });
    expect(alice.lostByObjection).toEqual([{ type: "authority", deals: 1, share: 1 }]);
    expect(alice.quotes.every((q) => q.managerName === "alice")).toBe(true);
    const bob = await reportOf("bob");
    expect(bob.totals).toMatchObject({ texts: 3, analysed: 2, price: 0, need: 1, total: 1 });
  });

  it("answers 400 naming a bad filter and 403 for a manager outside the viewer's scope", async () => {
    const bad = await call("from=2026-13-01", "admin");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: object }).error).toMatchObject({ code: "validation_error", field: "from" });
    const badManager = await call("managerId=alice", "admin");
    expect(badManager.status).toBe(400);
    expect(((await badManager.json()) as { error: object }).error).toMatchObject({ field: "managerId" });
    const outside = await call(`managerId=${f.crmUsers.bob.id}`, "alice");
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: object }).error).toMatchObject({ code: "manager_out_of_scope", field: "managerId" });
  });

  it("narrows to one manager by the filter", async () => {
    const body = await reportOf("admin", `${PERIOD}&managerId=${f.crmUsers.carol.id}`);
    expect(body.totals).toMatchObject({ texts: 1, price: 1, total: 1 });
  });
});

describe("GET /api/reports/conversations/export", () => {
  it("writes the director's objections per manager to XLSX with the totals row, and the quotes into CSV and PDF", async () => {
    const xlsx = await exportAs(`format=xlsx&lang=en&${PERIOD}`, "director");
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[1];
    const header = sheet.getRow(1).values as unknown[];
    const price = header.indexOf("Price");
    const column = (index: number) => [2, 3, 4].map((row) => sheet.getRow(row).getCell(index).value);
    // alice 3, bob 0, the department's total 3
    expect(column(1)).toEqual(["alice", "bob", "Total"]);
    expect(column(price)).toEqual([3, 0, 3]);
    expect(column(header.indexOf("With an objection"))).toEqual([5, 1, 6]);
    expect(workbook.worksheets.map((s) => s.name).length).toBe(7); // About + 6 sections

    const csv = await exportAs(`format=csv&lang=ru&table=quotes&${PERIOD}`, "alice");
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("решает директор");
    expect(text).not.toContain("не нужно сейчас"); // bob's quote

    const pdf = await exportAs(`format=pdf&lang=ru&${PERIOD}`, "admin");
    expect(pdf.status).toBe(200);
    expect(pdfText(Buffer.from(await pdf.arrayBuffer())).text).toContain("Возражения по менеджерам");
  });
});
