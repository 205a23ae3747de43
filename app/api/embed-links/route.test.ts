// Embed links: signed, expiring, revocable addresses of one dashboard in the maker's scope, framed
// only by the organisation's CRM origins (the proxy's frame-ancestors), through the real routes.
import { and, eq } from "drizzle-orm";
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedLinks, sources, users } from "@/db/schema";
import { callRoute, expectFieldRefusals } from "@/db/test/call-route";
import type { OrgFixture } from "@/db/test/fixtures";
import { MARCH, twoOrgsWithMarchWins } from "@/db/test/two-orgs-march";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { sessionCookieFor } from "@/lib/api/test/session-cookie";
import { loadBoard } from "@/lib/displays/board";
import { embedToken, resolveEmbedLink, verifyEmbedToken } from "@/lib/displays/embed-links";
import { unsubscribeToken } from "@/lib/report-schedules/unsubscribe";
import { proxy } from "@/proxy";
import { POST as saveView } from "../saved-reports/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const session: Record<string, { cookie: string }> = {};
const march = MARCH;

const create = (who: string, body: unknown) => callRoute(POST, "/api/embed-links", { as: session[who], method: "POST", body });
const revoke = (who: string, id: string) => callRoute(DELETE, `/api/embed-links/${id}`, { as: session[who], method: "DELETE", params: { id } });
const tokenOf = (url: string) => url.slice(url.indexOf("/embed/") + "/embed/".length);
const throughProxy = async (token: string) => (await proxy(new NextRequest(`http://localhost/embed/${token}`), {} as NextFetchEvent))!;
const revenueOf = (doc: Awaited<ReturnType<typeof loadBoard>>) => doc.sections[0].table.rows.find((row) => row.kpi === "revenue")?.value;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  ({ a, b } = await twoOrgsWithMarchWins(testDb.db));
  // Org A's CRMs: a Bitrix24 portal and an amoCRM account (https), a shop (never a framer), a plain-http portal (left out).
  await testDb.db.update(sources).set({ baseUrl: "https://acme.bitrix24.ru/rest/1/abc/" }).where(eq(sources.id, a.source.id));
  await testDb.db.insert(sources).values([
    { orgId: a.org.id, kind: "amocrm", name: "amo", baseUrl: "https://acme.amocrm.ru", webhookSecret: "s1" },
    { orgId: a.org.id, kind: "shop", name: "shop", baseUrl: "https://shop.acme.kz", webhookSecret: "s2" },
    { orgId: a.org.id, kind: "bitrix24", name: "old", baseUrl: "http://old.acme.kz", webhookSecret: "s3" },
  ]);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, adminB: b.users.admin })) {
    session[who] = { cookie: (await sessionCookieFor(user.id)).split("=").slice(1).join("=") };
  }
});
afterAll(() => testDb.close());

describe("the embed token's signature", () => {
  const id = "3f2b8c1e-1d2a-4c5b-9e8f-0a1b2c3d4e5f";
  const expiresAt = new Date("2030-01-01T00:00:00Z");
  const now = new Date("2029-12-31T23:59:59Z");

  it("verifies as signed, and fails for another id, a later expiry, a changed signature, another key or another kind of link", () => {
    const token = embedToken(id, expiresAt, "key-1");
    expect(verifyEmbedToken(token, now, "key-1")).toEqual({ id, expiresAt });
    const [, seconds, signature] = token.split(".");
    expect(verifyEmbedToken(`3f2b8c1e-1d2a-4c5b-9e8f-0a1b2c3d4e50.${seconds}.${signature}`, now, "key-1")).toBeNull();
    expect(verifyEmbedToken(`${id}.${Number(seconds) + 86_400}.${signature}`, now, "key-1")).toBeNull();
    expect(verifyEmbedToken(`${id}.${seconds}.${signature.slice(0, -1)}A`, now, "key-1")).toBeNull();
    expect(verifyEmbedToken(token, now, "key-2")).toBeNull();
    expect(verifyEmbedToken(unsubscribeToken(id, "key-1"), now, "key-1")).toBeNull();
    expect(verifyEmbedToken("", now, "key-1")).toBeNull();
  });

  it("expires at its second: valid one second before, invalid at it", () => {
    const token = embedToken(id, expiresAt, "key-1");
    expect(verifyEmbedToken(token, new Date(expiresAt.getTime() - 1000), "key-1")).not.toBeNull();
    expect(verifyEmbedToken(token, expiresAt, "key-1")).toBeNull();
  });
});

describe("/api/embed-links", () => {
  it("an admin creates a link of 30 days; the list shows it with its address and the CRM origins that may frame it", async () => {
    const before = Date.now();
    const created = await create("admin", { name: " Bitrix widget ", dashboard: "overview", query: march });
    const after = Date.now();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Bitrix widget", dashboard: "overview", query: march, url: expect.stringMatching(/^http:\/\/localhost:3000\/embed\/[0-9a-f-]{36}\.\d+\.[\w-]{43}$/) });
    // 30 days from the moment the route ran (between before and after), cut to the whole second.
    const expiresAt = new Date(created.body.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThan(before + 30 * 86_400_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(after + 30 * 86_400_000);
    const listed = await callRoute(GET, "/api/embed-links", { as: session.admin });
    expect(listed.status).toBe(200);
    expect(listed.body.links.map((link: { url: string }) => link.url)).toContain(created.body.url);
    expect(listed.body.frameOrigins).toEqual(["https://acme.amocrm.ru", "https://acme.bitrix24.ru"]);
  });

  it("refuses a director (403) and bad input naming the field (400), storing nothing", async () => {
    expect((await create("director", { name: "x", dashboard: "overview" })).status).toBe(403);
    const cases: [unknown, string][] = [
      [{ name: "x", dashboard: "deals" }, "dashboard"],
      [{ name: "x", dashboard: "overview", days: 0 }, "days"],
      [{ name: "x", dashboard: "overview", days: 366 }, "days"],
      [{ name: "", dashboard: "overview" }, "name"],
    ];
    await expectFieldRefusals((body) => create("admin", body), cases);
    const rows = await testDb.db.select().from(embedLinks).where(eq(embedLinks.orgId, a.org.id));
    expect(rows.map((row) => row.name)).toEqual(["Bitrix widget"]);
  });

  it("the address shows the maker's scope, loaded fresh: 1 000 + 2 500 = 3 500 ₸ for the admin; 1 000 once the maker is Sales' director", async () => {
    const { url } = (await create("admin", { name: "Scope", dashboard: "overview", query: march })).body;
    const link = (await resolveEmbedLink(testDb.db, tokenOf(url)))!;
    expect(link.viewer.isReadOnly).toBe(true);
    expect(revenueOf(await loadBoard(testDb.db, link.viewer, link.dashboard, link.query, "en"))).toBe("3500.00");
    await testDb.db.update(users).set({ role: "director", departmentId: a.departments.sales.id }).where(and(eq(users.orgId, a.org.id), eq(users.id, a.users.admin.id)));
    try {
      const demoted = (await resolveEmbedLink(testDb.db, tokenOf(url)))!;
      expect(revenueOf(await loadBoard(testDb.db, demoted.viewer, demoted.dashboard, demoted.query, "en"))).toBe("1000.00");
    } finally {
      await testDb.db.update(users).set({ role: "admin", departmentId: null }).where(and(eq(users.orgId, a.org.id), eq(users.id, a.users.admin.id)));
    }
  });

  it("embeds a saved built report by its id, in the maker's scope: alice 1 000 and carol 2 500 by manager; a director's link their department's alice alone", async () => {
    const report = { measures: ["wonRevenue", "wonDeals"], dimensions: ["manager"], period: { from: "2025-03-01", to: "2025-03-31" } };
    const saved = await callRoute(saveView, "/api/saved-reports", { as: session.admin, method: "POST", body: { name: "By manager", dashboard: "builder", report, visibility: "org" } });
    expect(saved.status).toBe(201);
    const created = await create("admin", { name: "Built widget", viewId: saved.body.view.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ dashboard: "builder", query: saved.body.view.query });
    const rowsAt = async (token: string) => {
      const link = (await resolveEmbedLink(testDb.db, token))!;
      const { table } = (await loadBoard(testDb.db, link.viewer, link.dashboard, link.query, "en")).sections[0];
      return [...table.rows, table.totals!].map((row) => table.columns.map((column) => column.value(row)));
    };
    expect(await rowsAt(tokenOf(created.body.url))).toEqual([
      ["alice", "1000.00", 1],
      ["carol", "2500.00", 1],
      ["", "3500.00", 2], // the totals row (the writers put «Итого» in its first cell)
    ]);
    // The same link made by an admin since demoted to Sales' director: alice's 1 000 only.
    await testDb.db.update(users).set({ role: "director", departmentId: a.departments.sales.id }).where(and(eq(users.orgId, a.org.id), eq(users.id, a.users.admin.id)));
    try {
      expect(await rowsAt(tokenOf(created.body.url))).toEqual([
        ["alice", "1000.00", 1],
        ["", "1000.00", 1],
      ]);
    } finally {
      await testDb.db.update(users).set({ role: "admin", departmentId: null }).where(and(eq(users.orgId, a.org.id), eq(users.id, a.users.admin.id)));
    }
    // A dashboard and a view at once, or neither, is refused naming the field; another organisation's view is not found.
    await expectFieldRefusals((body) => create("admin", body), [
      [{ name: "x", dashboard: "overview", viewId: saved.body.view.id }, "viewId"],
      [{ name: "x" }, "dashboard"],
    ]);
    expect((await create("adminB", { name: "x", viewId: saved.body.view.id })).status).toBe(404);
  });

  it("the page may be framed by the CRM origins only: CSP frame-ancestors names them; a bad address is a 401 nobody may frame", async () => {
    const { url } = (await create("admin", { name: "Frame", dashboard: "sales" })).body;
    const good = await throughProxy(tokenOf(url));
    expect(good.status).toBe(200);
    expect(good.headers.get("content-security-policy")).toMatch(/(^|; )frame-ancestors https:\/\/acme\.amocrm\.ru https:\/\/acme\.bitrix24\.ru(;|$)/);
    const forged = await throughProxy(`${tokenOf(url).slice(0, -2)}xx`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await forged.text()).toContain("Ссылка для встраивания повреждена, истекла или отозвана");
  });

  it("revoked: the address is a 401 at once; another organisation's admin cannot revoke (404); twice is a 404", async () => {
    const { id, url } = (await create("admin", { name: "Revoke me", dashboard: "overview" })).body;
    expect((await revoke("adminB", id)).status).toBe(404);
    expect((await throughProxy(tokenOf(url))).status).toBe(200);
    expect((await revoke("admin", id)).status).toBe(204);
    expect(await resolveEmbedLink(testDb.db, tokenOf(url))).toBeNull();
    expect((await throughProxy(tokenOf(url))).status).toBe(401);
    expect((await revoke("admin", id)).status).toBe(404);
    const listed = await callRoute(GET, "/api/embed-links", { as: session.admin });
    expect(listed.body.links.map((link: { id: string }) => link.id)).not.toContain(id);
  });

  it("expired: resolves to nothing after its last second, and leaves the list", async () => {
    const { id, url, expiresAt } = (await create("admin", { name: "Short", dashboard: "overview", days: 1 })).body;
    const end = new Date(expiresAt);
    expect(await resolveEmbedLink(testDb.db, tokenOf(url), new Date(end.getTime() - 1000))).not.toBeNull();
    expect(await resolveEmbedLink(testDb.db, tokenOf(url), end)).toBeNull();
    // The row's expiry is checked too, not only the token's.
    await testDb.db.update(embedLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(embedLinks.orgId, a.org.id), eq(embedLinks.id, id)));
    expect(await resolveEmbedLink(testDb.db, tokenOf(url))).toBeNull();
    const listed = await callRoute(GET, "/api/embed-links", { as: session.admin });
    expect(listed.body.links.map((link: { id: string }) => link.id)).not.toContain(id);
  });
});
