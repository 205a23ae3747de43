// /api/saved-reports: saving, listing, renaming, pinning and deleting views; who may share and edit;
// bad input answered 4xx with a code.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { asc, eq } from "drizzle-orm";
import { auditLog, savedViews, users } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import { DELETE, PATCH } from "./[id]/route";
import { GET as list } from "./route";
import { savedViewCallers } from "./test-callers";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
let api: Awaited<ReturnType<typeof savedViewCallers>>;
let otherApi: Awaited<ReturnType<typeof savedViewCallers>>;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  api = await savedViewCallers(testDb, f);
  otherApi = await savedViewCallers(testDb, other);
});
afterAll(() => testDb.close());

const names = (body: { views: { name: string }[] }) => body.views.map((view) => view.name);

describe("/api/saved-reports", () => {
  it("saves a view in canonical form, lists it, renames, pins, makes it the default and deletes it", async () => {
    const created = await api.create("director", { name: " Алиса, год ", dashboard: "sales", query: `?preset=this-year&managerId=${f.users.alice.id}&sort=amount` });
    expect(created.status).toBe(201);
    const view = created.body.view;
    // Trimmed; the query sorted by name and stripped of what is not a filter (the table's sort).
    expect(view).toMatchObject({
      name: "Алиса, год",
      dashboard: "sales",
      query: `managerId=${f.users.alice.id}&preset=this-year`,
      visibility: "private",
      departmentId: null,
      owner: { id: f.users.director.id, name: "director" },
      isOwn: true,
      canEdit: true,
      isPinned: false,
      isDefault: false,
    });

    expect(names((await api.list("director")).body)).toEqual(["Алиса, год"]);
    const renamed = await api.update("director", view.id, { name: "Алиса", isPinned: true, isDefault: true });
    expect(renamed.status).toBe(200);
    expect(renamed.body.view).toMatchObject({ name: "Алиса", isPinned: true, isDefault: true });

    const opened = await api.open("director", view.id);
    expect(opened.body).toMatchObject({ href: `/sales?managerId=${f.users.alice.id}&preset=this-year`, droppedFilters: [] });

    expect(await api.remove("director", view.id)).toEqual({ status: 204, body: null });
    expect((await api.list("director")).body.views).toEqual([]);
    expect((await api.open("director", view.id)).body.error.code).toBe("saved_view_not_found");
  });

  it("keeps one default per person: a new default replaces the old one", async () => {
    const first = (await api.create("bob", { name: "Первый", dashboard: "funnel", isDefault: true })).body.view;
    const second = (await api.create("bob", { name: "Второй", dashboard: "leads", isDefault: true })).body.view;
    const views = (await api.list("bob")).body.views as { id: string; isDefault: boolean }[];
    expect(views.find((v) => v.id === first.id)?.isDefault).toBe(false);
    expect(views.find((v) => v.id === second.id)?.isDefault).toBe(true);
  });

  it("refuses a second view of the same name for the same person (any letter case), not for another person", async () => {
    expect((await api.create("carol", { name: "Мои сделки", dashboard: "sales" })).status).toBe(201);
    const duplicate = await api.create("carol", { name: "мои СДЕЛКИ", dashboard: "funnel" });
    expect(duplicate).toEqual({
      status: 409,
      body: { error: { code: "saved_view_name_taken", field: "name", params: { name: "мои СДЕЛКИ" }, message: 'You already have a view named "мои СДЕЛКИ"' } },
    });
    expect((await api.create("alice", { name: "Мои сделки", dashboard: "sales" })).status).toBe(201);
    const other = (await api.create("carol", { name: "Другой", dashboard: "sales" })).body.view;
    expect((await api.update("carol", other.id, { name: "Мои сделки" })).body.error.code).toBe("saved_view_name_taken");
  });

  it("answers 400 naming the field for bad input, and saves nothing", async () => {
    const cases: [unknown, string][] = [
      [{ dashboard: "sales" }, "name"],
      [{ name: "   ", dashboard: "sales" }, "name"],
      [{ name: "x".repeat(101), dashboard: "sales" }, "name"],
      [{ name: "x", dashboard: "customers" }, "dashboard"],
      [{ name: "x", dashboard: "sales", query: "from=01.03.2026" }, "query.from"],
      [{ name: "x", dashboard: "sales", query: "from=2026-03-10&to=2026-03-01" }, "query.to"],
      [{ name: "x", dashboard: "sales", query: "managerId=alice" }, "query.managerId"],
      [{ name: "x", dashboard: "sales", query: 42 }, "query"],
      [{ name: "x", dashboard: "sales", visibility: "public" }, "visibility"],
      [{ name: "x", dashboard: "sales", isPinned: "yes" }, "isPinned"],
    ];
    for (const [body, field] of cases) {
      const response = await api.create("admin", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error, JSON.stringify(body)).toMatchObject({ code: "validation_error", field });
    }
    const view = (await api.create("admin", { name: "Для правки", dashboard: "sales" })).body.view;
    expect((await api.update("admin", view.id, {})).body.error.code).toBe("validation_error");
    expect((await api.update("admin", view.id, { query: "preset=yesterday" })).body.error).toMatchObject({ code: "validation_error", field: "query.preset" });
    expect(names((await api.list("admin")).body)).toEqual(["Для правки"]);
  });

  it("refuses a view whose filters lie outside the saver's own scope", async () => {
    const response = await api.create("alice", { name: "Боб", dashboard: "sales", query: `managerId=${f.users.bob.id}` });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: "manager_out_of_scope", field: "managerId" });
    expect((await api.create("director", { name: "Онлайн", dashboard: "sales", query: `departmentId=${f.departments.online.id}` })).body.error.code).toBe("department_out_of_scope");
  });

  it("lets a manager keep private views only: sharing with the department or the organisation is 403", async () => {
    for (const visibility of ["department", "org"]) {
      const response = await api.create("bob", { name: `Поделиться ${visibility}`, dashboard: "sales", visibility });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: "saved_view_share_forbidden", field: "visibility", params: { visibility } });
    }
    const own = (await api.create("bob", { name: "Только мой", dashboard: "sales" })).body.view;
    expect((await api.update("bob", own.id, { visibility: "department" })).body.error.code).toBe("saved_view_share_forbidden");
    expect((await api.open("alice", own.id)).status).toBe(404);
  });

  it("lets a director share with their own department only, and an admin with the organisation or any department", async () => {
    expect((await api.create("director", { name: "Для всех", dashboard: "sales", visibility: "org" })).body.error.code).toBe("saved_view_share_forbidden");
    const elsewhere = await api.create("director", { name: "Онлайну", dashboard: "sales", visibility: "department", departmentId: f.departments.online.id });
    expect(elsewhere.body.error).toMatchObject({ code: "department_out_of_scope", field: "departmentId" });
    const mine = await api.create("director", { name: "Отделу", dashboard: "sales", visibility: "department" });
    expect(mine.body.view).toMatchObject({ visibility: "department", departmentId: f.departments.sales.id });

    expect((await api.create("admin", { name: "Компании", dashboard: "overview", visibility: "org" })).body.view).toMatchObject({ visibility: "org", departmentId: null });
    expect((await api.create("admin", { name: "Онлайн-отделу", dashboard: "leads", visibility: "department", departmentId: f.departments.online.id })).status).toBe(201);
    expect((await api.create("admin", { name: "Без отдела", dashboard: "leads", visibility: "department" })).body.error).toMatchObject({ code: "validation_error", field: "departmentId" });
    const foreign = await api.create("admin", { name: "Чужой отдел", dashboard: "leads", visibility: "department", departmentId: other.departments.sales.id });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: "department_not_found", field: "departmentId" } } });
  });

  it("lets only the owner edit or delete, and an admin too for any shared view, never a private one; anyone who sees it pins it", async () => {
    const department = (await api.create("director", { name: "Отдел: квартал", dashboard: "funnel", query: "preset=this-quarter", visibility: "department" })).body.view;
    expect(department.canEdit).toBe(true);
    const seenByAlice = (await api.list("alice")).body.views.find((v: { id: string }) => v.id === department.id);
    expect(seenByAlice).toMatchObject({ isOwn: false, canEdit: false, owner: { name: "director" } });
    expect(await api.update("alice", department.id, { name: "Моё" })).toMatchObject({ status: 403, body: { error: { code: "saved_view_read_only" } } });
    expect((await api.remove("alice", department.id)).body.error.code).toBe("saved_view_read_only");
    // Pinning is Alice's own: the director's view stays unpinned for the director.
    expect((await api.update("alice", department.id, { isPinned: true })).body.view).toMatchObject({ isPinned: true, name: "Отдел: квартал" });
    expect((await api.open("director", department.id)).body.view.isPinned).toBe(false);
    // An admin looks after what is shared: the department's view is in their list and theirs to change; a private view is not.
    const seenByAdmin = (await api.list("admin")).body.views.find((v: { id: string }) => v.id === department.id);
    expect(seenByAdmin).toMatchObject({ isOwn: false, canEdit: true, owner: { name: "director" } });
    const alicesOwn = (await api.create("alice", { name: "Личное", dashboard: "sales" })).body.view;
    expect((await api.open("admin", alicesOwn.id)).status).toBe(404);
    expect((await api.remove("admin", alicesOwn.id)).status).toBe(404);
    expect((await api.remove("admin", department.id)).status).toBe(204);
    expect((await api.open("alice", department.id)).status).toBe(404);

    const companyWide = (await api.create("admin", { name: "Компания: год", dashboard: "sales", query: "preset=this-year", visibility: "org" })).body.view;
    const directorsOrgView = (await api.list("director")).body.views.find((v: { id: string }) => v.id === companyWide.id);
    expect(directorsOrgView).toMatchObject({ canEdit: false });
    expect((await api.update("director", companyWide.id, { query: "preset=all-time" })).body.error.code).toBe("saved_view_read_only");
    expect((await api.remove("director", companyWide.id)).body.error.code).toBe("saved_view_read_only");
  });

  it("lets a second admin edit and delete an organisation's view that another admin saved", async () => {
    const [secondAdmin] = await testDb.db.insert(users).values({ orgId: f.org.id, email: `admin2-${randomUUID()}@test.voronka`, name: "admin2", role: "admin", passwordHash: "x" }).returning();
    const token = (await createApiToken(testDb.db, { orgId: f.org.id, userId: secondAdmin.id }, "test")).token;
    const view = (await api.create("admin", { name: "Общий вид", dashboard: "managers", visibility: "org" })).body.view;
    const patched = await callRoute(PATCH, `/api/saved-reports/${view.id}`, { as: { token }, method: "PATCH", body: { name: "Общий вид 2" }, params: { id: view.id } });
    expect(patched.body.view).toMatchObject({ name: "Общий вид 2", canEdit: true, isOwn: false, owner: { name: "admin" } });
    expect((await callRoute(DELETE, `/api/saved-reports/${view.id}`, { as: { token }, method: "DELETE", params: { id: view.id } })).status).toBe(204);
  });

  it("writes each save, change and deletion to the audit log, with who did it and what changed", async () => {
    const view = (await api.create("director", { name: "Аудит", dashboard: "sales", query: "preset=this-year", visibility: "department" })).body.view;
    await api.update("director", view.id, { name: "Аудит 2", isPinned: true });
    await api.remove("admin", view.id);
    const rows = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, view.id)).orderBy(asc(auditLog.createdAt));
    expect(rows.map((row) => [row.action, row.userId])).toEqual([
      ["saved_view.create", f.users.director.id],
      ["saved_view.update", f.users.director.id],
      ["saved_view.delete", f.users.admin.id],
    ]);
    expect(rows[0].details).toMatchObject({ name: "Аудит", dashboard: "sales", query: "preset=this-year", visibility: "department", departmentId: f.departments.sales.id });
    expect(rows[1].details).toEqual({ changes: { name: { from: "Аудит", to: "Аудит 2" } } });
    expect(rows[2].details).toEqual({ name: "Аудит 2", owner: "director", visibility: "department" });
  });

  it("keeps at most 100 views per person: the 101st is refused with 409 and saves nothing", async () => {
    // Bob's earlier views count too: make it 99 in all.
    const kept = (await api.list("bob")).body.views.filter((view: { isOwn: boolean }) => view.isOwn).length;
    const rows = Array.from({ length: 99 - kept }, (_, i) => ({ orgId: f.org.id, ownerId: f.users.bob.id, name: `Вид ${i + 1}`, dashboard: "sales", query: "" }));
    await testDb.db.insert(savedViews).values(rows);
    expect((await api.create("bob", { name: "Сотый", dashboard: "sales" })).status).toBe(201);
    const refused = await api.create("bob", { name: "Сто первый", dashboard: "sales" });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "saved_view_limit", params: { max: 100 } } } });
    expect((await api.list("bob")).body.views.filter((view: { isOwn: boolean }) => view.isOwn)).toHaveLength(100);
    // The limit is per person: Carol saves freely.
    expect((await api.create("carol", { name: "Сто первый", dashboard: "sales" })).status).toBe(201);
  });

  it("never shows or touches another organisation's views", async () => {
    const view = (await api.create("admin", { name: "Только наш", dashboard: "sales", visibility: "org" })).body.view;
    expect(names((await otherApi.list("admin")).body)).not.toContain("Только наш");
    expect((await otherApi.open("admin", view.id)).status).toBe(404);
    expect((await otherApi.update("admin", view.id, { isPinned: true })).status).toBe(404);
    expect((await otherApi.remove("admin", view.id)).status).toBe(404);
  });

  it("answers 404 for an unknown or malformed id, and 401 without a caller", async () => {
    expect((await api.open("admin", randomUUID())).body.error).toEqual({ code: "saved_view_not_found", message: "Saved view not found" });
    expect((await api.update("admin", "not-a-uuid", { name: "x" })).status).toBe(404);
    expect((await callRoute(list, "/api/saved-reports")).status).toBe(401);
  });
});
