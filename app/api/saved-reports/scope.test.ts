// A shared view stores filters, never rows: whoever opens it sees their own scope of it. The opened
// address is fed to the Sales report as the dashboard would, and the figures are checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeRequest } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { GET as report } from "../reports/[report]/route";
import { savedViewCallers, seedMarchWins, type Person } from "./test-callers";
import { landingHref } from "@/lib/saved-views/open";

let testDb: TestDb;
let f: OrgFixture;
let api: Awaited<ReturnType<typeof savedViewCallers>>;
const token = {} as Record<Person, string>;
const march = "from=2026-03-01&to=2026-03-31";

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  api = await savedViewCallers(testDb, f);
  Object.assign(token, await seedMarchWins(testDb, f));
});
afterAll(() => testDb.close());

/** The Sales totals a person sees at the opened address, as the dashboard requests them. */
async function salesTotalsAt(who: Person, href: string) {
  const [path, query = ""] = href.split("?");
  expect(path).toBe("/sales");
  const response = await report(routeRequest(`/api/reports/sales-by-month?${query}`, { as: { token: token[who] } }), { params: Promise.resolve({ report: "sales-by-month" }) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { totals: { wonCount: number; wonAmount: string } };
  return body.totals;
}

describe("opening a shared view", () => {
  it("shows each person of the department their own scope of the director's view", async () => {
    const view = (await api.create("director", { name: "Отдел: март", dashboard: "sales", query: march, visibility: "department" })).body.view;

    const director = await api.open("director", view.id);
    expect(director.body).toMatchObject({ href: `/sales?${march}`, droppedFilters: [] });
    // The director: alice and bob, 1 200 + 800 + 500 = 2 500 in 3 deals.
    expect(await salesTotalsAt("director", director.body.href)).toMatchObject({ wonCount: 3, wonAmount: "2500.00" });

    // Alice, a manager of the department, opens the same view: her own 1 200 + 800 = 2 000 in 2 deals.
    const alice = await api.open("alice", view.id);
    expect(alice.body.href).toBe(`/sales?${march}`);
    expect(await salesTotalsAt("alice", alice.body.href)).toMatchObject({ wonCount: 2, wonAmount: "2000.00" });
    // Bob: his own 500.
    expect(await salesTotalsAt("bob", (await api.open("bob", view.id)).body.href)).toMatchObject({ wonCount: 1, wonAmount: "500.00" });
    // Carol works in Online: the view is not shared with her.
    expect((await api.open("carol", view.id)).status).toBe(404);
    expect((await api.list("carol")).body.views).toEqual([]);
  });

  it("drops a manager filter that names someone outside the opener's scope, instead of refusing", async () => {
    const view = (await api.create("director", { name: "Боб: март", dashboard: "sales", query: `${march}&managerId=${f.users.bob.id}`, visibility: "department" })).body.view;
    // The director sees Bob's 500.
    const director = await api.open("director", view.id);
    expect(director.body.droppedFilters).toEqual([]);
    expect(await salesTotalsAt("director", director.body.href)).toMatchObject({ wonCount: 1, wonAmount: "500.00" });
    // Alice may not see Bob's rows: the filter goes, and she sees her own 2 000 — never Bob's 500.
    const alice = await api.open("alice", view.id);
    expect(alice.body).toMatchObject({ href: `/sales?${march}`, droppedFilters: ["managerId"] });
    // The page she lands on says so: the dashboard's URL carries the note.
    expect(landingHref(alice.body)).toBe(`/sales?${march}&dropped=managerId`);
    expect(await salesTotalsAt("alice", alice.body.href)).toMatchObject({ wonCount: 2, wonAmount: "2000.00" });
    // Bob himself keeps the filter: it is his own.
    expect((await api.open("bob", view.id)).body).toMatchObject({ href: `/sales?from=2026-03-01&managerId=${f.users.bob.id}&to=2026-03-31`, droppedFilters: [] });
  });

  it("shows an organisation's view to everyone, each in their own scope, department filter included", async () => {
    const view = (await api.create("admin", { name: "Продажи: март", dashboard: "sales", query: `${march}&departmentId=${f.departments.sales.id}`, visibility: "org" })).body.view;
    // The director's own department: kept; 2 500.
    const director = await api.open("director", view.id);
    expect(director.body.droppedFilters).toEqual([]);
    expect(await salesTotalsAt("director", director.body.href)).toMatchObject({ wonAmount: "2500.00" });
    // Carol (Online) may not filter on Sales: the filter goes, and she sees her own 9 000.
    const carol = await api.open("carol", view.id);
    expect(carol.body.droppedFilters).toEqual(["departmentId"]);
    expect(await salesTotalsAt("carol", carol.body.href)).toMatchObject({ wonCount: 1, wonAmount: "9000.00" });
  });

  it("forgets other people's pins and default when a view is shared less widely", async () => {
    const view = (await api.create("director", { name: "Временно общий", dashboard: "sales", visibility: "department" })).body.view;
    await api.update("alice", view.id, { isPinned: true, isDefault: true });
    expect((await api.open("alice", view.id)).body.view).toMatchObject({ isPinned: true, isDefault: true });
    await api.update("director", view.id, { visibility: "private" });
    expect((await api.open("alice", view.id)).status).toBe(404);
    // Shared again, it comes back to Alice unpinned: her marks went with the audience.
    await api.update("director", view.id, { visibility: "department" });
    expect((await api.open("alice", view.id)).body.view).toMatchObject({ isPinned: false, isDefault: false });
  });
});
