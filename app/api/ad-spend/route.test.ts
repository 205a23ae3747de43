// Ad spend through the API: JSON rows, CSV import with a preview, re-import without doubling.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adSpend, trafficTeams } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { DELETE } from "./[id]/route";
import { POST as importCsv } from "./import/route";
import { GET, POST } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};
let kenesary: { id: string };

function send(handler: (request: Request) => Promise<Response>, init: { who?: string; body?: string; url?: string; method?: string }) {
  return callRoute(handler, init.url ?? "/api/ad-spend", { as: init.who ? { token: token[init.who] } : null, method: init.method ?? "POST", body: init.body });
}
const postJson = (body: unknown, who = "admin") => send(POST, { who, body: JSON.stringify(body) });
const postCsv = (csv: string, dryRun = false, who = "admin") => send(importCsv, { who, body: csv, url: `/api/ad-spend/import${dryRun ? "?dryRun=1" : ""}` });
const list = (query = "", who = "admin") => send(GET, { who, method: "GET", url: `/api/ad-spend${query}` });

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db); // base currency KZT
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  [kenesary] = await testDb.db.insert(trafficTeams).values([{ orgId: a.org.id, name: "Kenesary" }]).returning();
  await testDb.db.insert(trafficTeams).values([{ orgId: a.org.id, name: "Muha" }, { orgId: b.org.id, name: "Kenesary" }]);
});
afterAll(() => testDb.close());

const RU_FILE = [
  "дата;команда;источник;кампания;сумма;валюта",
  "01.03.2026;Kenesary;fb_kenesary;tripwire;1 500,50;KZT",
  "01.03.2026;Kenesary;pb_agency;spring;20,25;USD",
  "02.03.2026;muha;;;3000;",
].join("\r\n");

describe("CSV import", () => {
  it("previews the rows without storing them", async () => {
    const preview = await postCsv(RU_FILE, true);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.rows.map((r: { line: number; teamName: string; amount: string; currency: string }) => `${r.line}:${r.teamName}:${r.amount} ${r.currency}`)).toEqual([
      "2:Kenesary:1500.50 KZT",
      "3:Kenesary:20.25 USD",
      "4:Muha:3000 KZT", // no currency: the organisation's base currency
    ]);
    expect(await testDb.db.select().from(adSpend).where(eq(adSpend.orgId, a.org.id))).toEqual([]);
  });

  it("imports, and importing the same file again replaces instead of doubling", async () => {
    expect(await postCsv(RU_FILE)).toEqual({ status: 200, body: { imported: 3, inserted: 3, updated: 0 } });
    expect(await postCsv(RU_FILE)).toEqual({ status: 200, body: { imported: 3, inserted: 0, updated: 3 } });
    const { body } = await list();
    // KZT: 1 500.50 (Kenesary) + 3 000 (Muha) = 4 500.50; USD: 20.25 — the same after the second import.
    expect(body.totals).toEqual([
      { currency: "KZT", amount: "4500.50" },
      { currency: "USD", amount: "20.25" },
    ]);
    expect(body.rows).toHaveLength(3);
  });

  it("replaces a corrected figure from an English file with `,` and a quoted decimal comma", async () => {
    const file = 'date,team,source,campaign,amount,currency\n2026-03-01,Kenesary,fb_kenesary,tripwire,"1000,00",KZT\n';
    expect((await postCsv(file)).body).toEqual({ imported: 1, inserted: 0, updated: 1 });
    // KZT now 1 000.00 + 3 000 = 4 000.00.
    expect((await list()).body.totals[0]).toEqual({ currency: "KZT", amount: "4000.00" });
  });

  it("reports every bad row and imports nothing when one row is wrong", async () => {
    const file = ["date;team;amount", "2026-03-05;Kenesary;10", "2026-03-06;Ghost;10", "2026-03-07;Kenesary;1,234.5"].join("\n");
    const preview = await postCsv(file, true);
    const ghost = 'team: no traffic team "Ghost"';
    const amount = 'amount: "1,234.5" is not an amount (e.g. 1500 or 1 500,50; at most 2 decimals, not negative)';
    expect(preview.body.errors).toEqual([
      { line: 3, message: ghost, problems: [{ code: "spend_team_unknown", field: "team", params: { team: "Ghost" }, message: ghost }] },
      { line: 4, message: amount, problems: [{ code: "spend_amount_invalid", field: "amount", params: { value: "1,234.5" }, message: amount }] },
    ]);
    const refused = await postCsv(file);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: "spend_rows_invalid",
      message: `Nothing was imported. line 3: ${ghost}; line 4: ${amount}`,
      params: { count: 2, lines: "3, 4" },
    });
    expect((await list("?from=2026-03-05")).body.rows).toEqual([]);
  });

  it("refuses a file over 5 MB with a 413, importing nothing", async () => {
    const before = (await testDb.db.select().from(adSpend).where(eq(adSpend.orgId, a.org.id))).length;
    const line = "01.03.2026;Kenesary;fb_kenesary;tripwire;1 500,50;KZT\r\n";
    const huge = RU_FILE.split("\r\n")[0] + "\r\n" + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length) + 1);
    const response = await postCsv(huge);
    expect(response).toEqual({ status: 413, body: { error: { code: "file_too_large", message: "The file is larger than 5 MB; split it", params: { megabytes: 5 } } } });
    expect(await testDb.db.select().from(adSpend).where(eq(adSpend.orgId, a.org.id))).toHaveLength(before);
  });

  it("refuses a file without the columns it needs, and a director", async () => {
    expect((await postCsv("hello;world\n1;2")).body.error).toMatchObject({ code: "csv_missing_columns", params: { columns: "date, team, amount" } });
    expect((await postCsv(RU_FILE, true, "director")).status).toBe(403);
  });
});

describe("POST /api/ad-spend (JSON)", () => {
  it("stores rows by team name or id, numbers or strings, and answers what it did", async () => {
    const response = await postJson({
      rows: [
        { date: "2026-04-01", team: "Kenesary", amount: 250.5, currency: "kzt" },
        { day: "2026-04-01", teamId: kenesary.id, source: "ig", amount: "100", currency: "KZT" },
      ],
    });
    expect(response).toEqual({ status: 200, body: { imported: 2, inserted: 2, updated: 0 } });
    // April, Kenesary: 250.50 + 100 = 350.50 KZT.
    expect((await list(`?teamId=${kenesary.id}&from=2026-04-01&to=2026-04-30`)).body.totals).toEqual([{ currency: "KZT", amount: "350.50" }]);
  });

  it("refuses another organisation's team, a float with too many decimals, and bad shapes", async () => {
    const other = await postJson({ rows: [{ date: "2026-04-02", team: "Kenesary", amount: 0.1 + 0.2 }] }, "adminB");
    // Organisation B has its own Kenesary; 0.1 + 0.2 = 0.30000000000000004 has more than 2 decimals.
    expect(other.body.error.message).toContain("row 1: amount:");
    const [teamB] = await testDb.db.select().from(trafficTeams).where(eq(trafficTeams.orgId, b.org.id));
    const wrongOrg = await postJson({ rows: [{ date: "2026-04-02", teamId: teamB.id, amount: 1 }] });
    expect(wrongOrg.body.error.message).toBe(`Nothing was imported. row 1: team: no traffic team "${teamB.id}"`);
    expect((await postJson({ rows: [] })).body.error).toEqual({ code: "validation_error", field: "rows", message: "rows: must hold at least one row" });
    expect((await send(POST, { who: "admin", body: "not json" })).status).toBe(400);
    expect((await list("?from=April")).status).toBe(400);
  });
});

describe("DELETE /api/ad-spend/:id", () => {
  it("refuses a filter day that does not exist with a 400 naming the parameter", async () => {
    for (const query of ["?from=2026-02-30", "?to=2026-13-01"]) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body.error.message, query).toMatch(/^(from|to): must be a day like 2026-03-01/);
    }
    expect((await list("?from=2026-02-28&to=2026-03-01")).status).toBe(200);
  });

  it("deletes an entry of the organisation and 404s for another's", async () => {
    const { body } = await list("?from=2026-04-01");
    const id = body.rows[0].id;
    const del = (who: string, what = id) => send((r) => DELETE(r, { params: Promise.resolve({ id: what }) }), { who, method: "DELETE", url: `/api/ad-spend/${what}` });
    expect((await del("adminB")).status).toBe(404);
    expect((await del("admin")).body).toEqual({ deleted: true });
    expect((await del("admin")).status).toBe(404);
    expect((await del("admin", randomUUID())).status).toBe(404);
  });
});

describe("GET /api/ad-spend pages", () => {
  it("never stops silently: 1,203 rows come as 13 pages of 100, each row once, with the count and the total of all", async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => ({ date: "2025-01-01", team: "Muha", source: `paging_${String(i).padStart(4, "0")}`, amount: 1 }));
    expect((await postJson({ rows })).status).toBe(200);
    const query = "?from=2025-01-01&to=2025-01-01";
    const first = await list(query);
    expect(first.body).toMatchObject({ count: 1203, page: 1, pageSize: 100, totals: [{ currency: "KZT", amount: "1203.00" }] });
    expect(first.body.rows).toHaveLength(100);
    const seen = new Set<string>();
    for (let page = 1; page <= 13; page++) for (const row of (await list(`${query}&page=${page}`)).body.rows) seen.add(row.utmSource);
    expect(seen.size).toBe(1203);
    expect((await list(`${query}&page=13`)).body.rows).toHaveLength(3);
    expect((await list(`${query}&page=14`)).body.rows).toEqual([]);
    expect((await list(`${query}&pageSize=500&page=3`)).body.rows).toHaveLength(203);
    for (const bad of ["page=0", "pageSize=501", "page=x"]) expect((await list(`${query}&${bad}`)).status, bad).toBe(400);
  });
});
