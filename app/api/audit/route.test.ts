// GET /api/audit and its export: an admin reads who changed what and when, filtered by person, kind
// of object and local days (Asia/Almaty, UTC+5); nobody else reads it; another organisation's log never shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, routeResponse } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { auditLog } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as createDepartment } from "../departments/route";
import { GET as exportAudit } from "./export/route";
import { GET as listAudit } from "./route";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
const token: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: f.users.admin, director: f.users.director, alice: f.users.alice, otherAdmin: other.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  // Three entries at known instants around a local midnight: 23:30 on 1 March and 00:30 on 2 March in Almaty.
  await testDb.db.insert(auditLog).values([
    { orgId: f.org.id, userId: f.users.admin.id, action: "user.invite", targetType: "user", targetId: f.users.alice.id, details: { email: "alice@test" }, createdAt: new Date("2026-03-01T18:30:00Z") },
    { orgId: f.org.id, userId: f.users.director.id, action: "saved_view.create", targetType: "saved_view", targetId: "v-1", details: { name: "Отдел" }, createdAt: new Date("2026-03-01T19:30:00Z") },
    { orgId: f.org.id, userId: null, action: "source.update", targetType: "source", targetId: "s-1", details: {}, createdAt: new Date("2026-02-10T08:00:00Z") },
    { orgId: other.org.id, userId: other.users.admin.id, action: "org.update", targetType: "organisation", targetId: other.org.id, details: {}, createdAt: new Date("2026-03-01T10:00:00Z") },
  ]);
});
afterAll(() => testDb.close());

const get = (who: string, query = "") => callRoute(listAudit, `/api/audit${query}`, { as: { token: token[who] } });

describe("GET /api/audit", () => {
  it("lists the organisation's changes newest first, a change made through the API among them, with who made it", async () => {
    const made = await callRoute(createDepartment, "/api/departments", { as: { token: token.admin }, method: "POST", body: { name: "Опт" } });
    expect(made.status).toBe(201);
    const { status, body } = await get("admin");
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(body.entries.map((e: { action: string }) => e.action)).toEqual(["department.create", "saved_view.create", "user.invite", "source.update"]);
    expect(body.entries[0]).toMatchObject({ user: { id: f.users.admin.id, name: "admin" }, targetType: "department", details: { name: "Опт" } });
    // A change by the system (or a person deleted since) has no person.
    expect(body.entries[3].user).toBeNull();
  });

  it("filters by person, by kind of object and by local days", async () => {
    expect((await get("admin", `?userId=${f.users.director.id}`)).body.entries.map((e: { action: string }) => e.action)).toEqual(["saved_view.create"]);
    expect((await get("admin", "?targetType=user")).body.entries.map((e: { targetId: string }) => e.targetId)).toEqual([f.users.alice.id]);
    // 18:30 UTC is 23:30 on 1 March in Almaty; 19:30 UTC is already 2 March there.
    expect((await get("admin", "?from=2026-03-01&to=2026-03-01")).body.entries.map((e: { action: string }) => e.action)).toEqual(["user.invite"]);
    expect((await get("admin", "?from=2026-03-02&to=2026-03-02")).body.entries.map((e: { action: string }) => e.action)).toEqual(["saved_view.create"]);
    expect((await get("admin", "?to=2026-02-28")).body).toMatchObject({ total: 1, entries: [{ action: "source.update" }] });
  });

  it("answers 400 naming the field for a bad filter", async () => {
    expect((await get("admin", "?targetType=passwords")).body.error).toMatchObject({ code: "validation_error", field: "targetType" });
    expect((await get("admin", "?from=2026-13-01")).body.error).toMatchObject({ code: "validation_error", field: "from" });
    expect((await get("admin", "?from=2026-03-02&to=2026-03-01")).body.error).toMatchObject({ code: "validation_error", field: "to" });
    expect((await get("admin", "?page=0")).status).toBe(400);
  });

  it("is the admins' only, and never shows another organisation's log", async () => {
    expect((await get("director")).status).toBe(403);
    expect((await get("alice")).status).toBe(403);
    expect((await callRoute(listAudit, "/api/audit")).status).toBe(401);
    const theirs = await get("otherAdmin");
    expect(theirs.body).toMatchObject({ total: 1, entries: [{ action: "org.update" }] });
  });
});

describe("GET /api/audit/export", () => {
  it("writes the filtered log as a Russian CSV with the actions named, the person and the local time", async () => {
    const response = await routeResponse(exportAudit, `/api/audit/export?format=csv&lang=ru&from=2026-03-01&to=2026-03-01`, { as: { token: token.admin } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("audit-log_2026-03-01_2026-03-01.csv");
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toEqual(["Когда;Кто;Что сделано;Объект;ID объекта;Подробности", `2026-03-01 23:30;admin <${f.users.admin.email}>;Пользователь приглашён;Пользователь;${f.users.alice.id};"{""email"":""alice@test""}"`]);
  });

  it("is refused to a director", async () => {
    expect((await routeResponse(exportAudit, "/api/audit/export?format=csv", { as: { token: token.director } })).status).toBe(403);
  });
});
