// A built report saved as a view (dashboard `builder`): its whole body is kept, checked by the
// builder's own schema; a shared one opens for each person in their own scope. The opened address is
// fed to POST /api/reports/custom as the builder page does, and the figures are checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { bodyAt } from "@/lib/reports/builder/address";
import { POST as custom } from "../reports/custom/route";
import { savedViewCallers, seedMarchWins, type Person } from "./test-callers";

let testDb: TestDb;
let f: OrgFixture;
let api: Awaited<ReturnType<typeof savedViewCallers>>;
const token = {} as Record<Person, string>;
const march = { from: "2026-03-01", to: "2026-03-31" };
const byManager = { measures: ["wonRevenue", "wonDeals"], dimensions: ["manager"], period: march, sort: { by: "wonRevenue", direction: "desc" }, limit: 50, chart: "pie" };

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  api = await savedViewCallers(testDb, f);
  Object.assign(token, await seedMarchWins(testDb, f));
});
afterAll(() => testDb.close());

type Built = { rows: { labels: (string | null)[]; values: { wonRevenue: string; wonDeals: number } }[]; totals: { wonRevenue: string; wonDeals: number } };

/** The built report a person sees at the opened address, asked as the builder page asks it. */
async function builtAt(who: Person, href: string): Promise<Built> {
  const [path, query = ""] = href.split("?");
  expect(path).toBe("/builder");
  const answer = await callRoute(custom, "/api/reports/custom", { as: { token: token[who] }, method: "POST", body: bodyAt(new URLSearchParams(query)) });
  expect(answer.status).toBe(200);
  return answer.body as Built;
}
const rowsOf = (built: Built) => built.rows.map((row) => [row.labels[0], row.values.wonRevenue, row.values.wonDeals]);

describe("saving a built report", () => {
  it("keeps the whole body, pins it, and opens it at the builder with every part of it", async () => {
    const created = await api.create("director", { name: "Отдел по менеджерам", dashboard: "builder", report: byManager, visibility: "department", isPinned: true });
    expect(created.status).toBe(201);
    const view = created.body.view;
    expect(view).toMatchObject({ dashboard: "builder", visibility: "department", isPinned: true, report: { ...byManager, period: march, filters: {} } });
    expect(view.query).toBe("m=wonRevenue%2CwonDeals&d=manager&from=2026-03-01&to=2026-03-31&sort=wonRevenue&dir=desc&limit=50&chart=pie");
    expect((await api.list("director")).body.views.find((v: { id: string }) => v.id === view.id)).toMatchObject({ isPinned: true, report: { limit: 50 } });

    const director = await api.open("director", view.id);
    expect(director.body).toMatchObject({ href: `/builder?${view.query}`, droppedFilters: [] });
    // The director: alice 1 200 + 800 = 2 000 in 2, bob 500 in 1, sorted by revenue, down; 2 500 in 3 together.
    const seen = await builtAt("director", director.body.href);
    expect(rowsOf(seen)).toEqual([
      ["alice", "2000.00", 2],
      ["bob", "500.00", 1],
    ]);
    expect(seen.totals).toEqual({ wonRevenue: "2500.00", wonDeals: 3 });
  });

  it("shows a manager who opens the director's shared report only their own row", async () => {
    const view = (await api.create("director", { name: "Отдел: выручка", dashboard: "builder", report: { ...byManager, sort: undefined }, visibility: "department" })).body.view;
    const alice = await builtAt("alice", (await api.open("alice", view.id)).body.href);
    expect(rowsOf(alice)).toEqual([["alice", "2000.00", 2]]);
    expect(alice.totals).toEqual({ wonRevenue: "2000.00", wonDeals: 2 });
    const bob = await builtAt("bob", (await api.open("bob", view.id)).body.href);
    expect(rowsOf(bob)).toEqual([["bob", "500.00", 1]]);
    // Carol works in Online: the report is not shared with her.
    expect((await api.open("carol", view.id)).status).toBe(404);
  });

  it("drops a filter on a person outside the opener's scope instead of showing their rows", async () => {
    const report = { ...byManager, sort: undefined, filters: { managerId: f.users.bob.id } };
    const view = (await api.create("director", { name: "Боб по менеджерам", dashboard: "builder", report, visibility: "department" })).body.view;
    expect(rowsOf(await builtAt("director", (await api.open("director", view.id)).body.href))).toEqual([["bob", "500.00", 1]]);
    // Alice may not see Bob's 500: the filter goes, and she sees her own 2 000.
    const alice = await api.open("alice", view.id);
    expect(alice.body.droppedFilters).toEqual(["managerId"]);
    expect(alice.body.href).not.toContain(f.users.bob.id);
    expect(rowsOf(await builtAt("alice", alice.body.href))).toEqual([["alice", "2000.00", 2]]);
  });

  it("changes a saved report's body, and keeps filters out of it", async () => {
    const view = (await api.create("alice", { name: "Мои месяцы", dashboard: "builder", report: { measures: ["wonRevenue"], dimensions: ["month"], period: march } })).body.view;
    expect(view.query).toBe("m=wonRevenue&d=month&from=2026-03-01&to=2026-03-31&chart=bar");
    const changed = await api.update("alice", view.id, { report: { measures: ["wonDeals"], dimensions: ["week"], period: { preset: "this-year" }, chart: "line" } });
    expect(changed.status).toBe(200);
    expect(changed.body.view.query).toBe("m=wonDeals&d=week&preset=this-year&chart=line");
    expect((await api.update("alice", view.id, { query: "preset=this-year" })).body.error).toMatchObject({ code: "validation_error", field: "query" });
    const dashboardView = (await api.create("alice", { name: "Продажи", dashboard: "sales", query: "preset=this-year" })).body.view;
    expect((await api.update("alice", dashboardView.id, { report: { measures: ["leads"] } })).body.error).toMatchObject({ code: "validation_error", field: "report" });
  });

  it.each([
    ["no report", { dashboard: "builder" }, "validation_error", "report"],
    ["a dashboard's query instead", { dashboard: "builder", query: "preset=this-year" }, "validation_error", "query"],
    ["an unknown measure", { dashboard: "builder", report: { measures: ["profit"] } }, "validation_error", "report.measures.0"],
    ["three dimensions", { dashboard: "builder", report: { measures: ["leads"], dimensions: ["month", "manager", "source"] } }, "builder_too_many_dimensions", "report.dimensions"],
    ["a limit past 5 000", { dashboard: "builder", report: { measures: ["leads"], limit: 5001 } }, "validation_error", "report.limit"],
    ["an unknown field", { dashboard: "builder", report: { measures: ["leads"], sql: "select 1" } }, "validation_error", "report"],
    ["a pair the facts cannot answer", { dashboard: "builder", report: { measures: ["calls"], dimensions: ["stage"] } }, "builder_pair_unavailable", "report.dimensions"],
    ["a body on a dashboard's view", { dashboard: "sales", report: { measures: ["leads"] } }, "validation_error", "report"],
  ])("refuses %s with a 400 and stores nothing", async (_, body, code, field) => {
    const before = (await api.list("bob")).body.views.length;
    const answer = await api.create("bob", { name: "Плохой", ...body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code, field });
    expect((await api.list("bob")).body.views).toHaveLength(before);
  });

  it("refuses a filter outside the saver's scope", async () => {
    const answer = await api.create("alice", { name: "Чужой", dashboard: "builder", report: { measures: ["wonRevenue"], filters: { managerId: f.users.carol.id } } });
    expect([answer.status, answer.body.error.code]).toEqual([403, "manager_out_of_scope"]);
  });
});
