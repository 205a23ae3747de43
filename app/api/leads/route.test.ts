// GET /api/leads over HTTP: the query string parsed with the report filters' schema, errors that
// name the parameter, keyset pages, and the viewer's scope on every page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSourcedLead } from "@/db/test/activity-fixtures";
import { routeRequest } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { GET } from "./route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<string, string> = {};

type Page = { leads: { title: string; managerName: string | null; channel: string | null; isConverted: boolean | null }[]; total: number; nextCursor: string | null };

async function get(who: string, query: string) {
  const response = await GET(routeRequest(`/api/leads?${query}`, { as: { token: token[who] } }));
  return { status: response.status, body: (await response.json()) as Page & { error?: { code: string; field?: string; message: string } } };
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  const lead = async (title: string, manager: "alice" | "bob" | "carol" | null, createdAt: string, channel: string | null, converted = false) => {
    const row = await addSourcedLead(testDb.db, f, { manager, createdAt, channel, status: converted ? "converted" : "open", convertedAt: converted ? createdAt : undefined });
    await testDb.db.execute(`update leads set title = '${title}' where id = '${row.id}'`);
  };
  await lead("Анна", "alice", "2025-03-01T10:00:00Z", "Сайт", true);
  await lead("Борис", "bob", "2025-03-03T10:00:00Z", "Сайт");
  await lead("Вера", "carol", "2025-03-05T10:00:00Z", "Звонок", true);
  await lead("Глеб", "alice", "2025-04-07T10:00:00Z", null);
  await lead("Дина", null, "2025-03-09T10:00:00Z", "Сайт");
  for (const who of ["admin", "director", "alice"] as const) token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
});
afterAll(() => testDb.close());

describe("GET /api/leads", () => {
  it("lists March's «Сайт» leads by title on pages of two, with the total of all pages", async () => {
    const query = "from=2025-03-01&to=2025-03-31&channel=Сайт&sort=title&order=asc&limit=2";
    const { status, body } = await get("admin", query);
    expect(status).toBe(200);
    // Анна, Борис and Дина (no manager: an admin sees her) came from «Сайт» in March: 3 leads
    expect(body.leads.map((lead) => lead.title)).toEqual(["Анна", "Борис"]);
    expect(body.total).toBe(3);
    const next = await get("admin", `${query}&cursor=${body.nextCursor}`);
    expect(next.body.leads.map((lead) => lead.title)).toEqual(["Дина"]);
    expect(next.body.nextCursor).toBeNull();
  });

  it("lists the converted leads, and the leads without a source", async () => {
    const converted = await get("admin", "status=converted&sort=title&order=asc");
    expect(converted.body.leads.map((lead) => [lead.title, lead.isConverted])).toEqual([["Анна", true], ["Вера", true]]);
    const noSource = await get("admin", "notSet=channel");
    expect(noSource.body.leads.map((lead) => lead.title)).toEqual(["Глеб"]);
  });

  it("gives a manager only their own leads and a director only the department's", async () => {
    const alice = await get("alice", "sort=title&order=asc");
    expect(alice.body.leads.map((lead) => [lead.title, lead.managerName])).toEqual([["Анна", "alice"], ["Глеб", "alice"]]);
    const director = await get("director", "sort=title&order=asc");
    // alice and bob work in Sales; carol's Вера is another department's, Дина has no manager
    expect(director.body.leads.map((lead) => lead.title)).toEqual(["Анна", "Борис", "Глеб"]);
    expect(director.body.total).toBe(3);
  });

  it("answers 403 for another department's manager and 400 naming a bad parameter", async () => {
    const foreign = await get("director", `managerId=${f.crmUsers.carol.id}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: "manager_out_of_scope", field: "managerId" });
    for (const [query, field, message] of [
      ["sort=amount", "sort", /^sort: must be one of created, title, manager/],
      ["status=won", "status", /^status: must be converted or not-converted/],
      ["matched=maybe", "matched", /^matched: must be reached, lost or all/],
      ["teamId=team-1", "teamId", /^teamId: must be a traffic team id or none/],
      ["notSet=pipeline", "notSet", /^notSet: must be one of channel, utmSource, utmCampaign, form, manager/],
      ["month=March", "month", /^month: must be a month as YYYY-MM/],
      ["channel=%20%20", "channel", /^channel: must not be blank/],
      ["limit=501", "limit", /^limit: must be at most 500/],
      ["cursor=abc", "cursor", /^The cursor must be the nextCursor of a previous page/],
      // one list kind's bucket never narrows the other silently
      ["matched=lost&status=converted", "status", /^status: does not apply to site-form submissions/],
      ["matched=all&channel=Сайт", "channel", /^channel: does not apply to site-form submissions/],
      ["matched=reached&notSet=manager", "notSet", /^notSet: must be form or utmSource with matched/],
      ["form=Курс", "form", /^form: applies only to site-form submissions: add matched/],
      ["notSet=form", "notSet", /^notSet: form applies only to site-form submissions/],
    ] as const) {
      const { status, body } = await get("admin", query);
      expect(status, query).toBe(400);
      expect(body.error?.field, query).toBe(field);
      expect(body.error?.message, query).toMatch(message);
    }
  });
});
