// The admin forms below the browser: each sends what its form sends to its API route, and a refusal
// is read as the form shows it (components/ui/use-api-form.ts) — beside the field, in the person's
// language. The routes' own tests cover roles, scope and audit; this covers the words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmUsers } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { refusalOf } from "@/components/ui/use-api-form";
import { ApiError } from "@/lib/api/call-api";
import { checkCredentials } from "@/lib/auth/sign-in";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { getUser } from "@/lib/users/list-users";
import { createApiToken } from "@/lib/auth/tokens";
import type { Locale } from "@/lib/format";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { POST as createDepartment } from "@/app/api/departments/route";
import { POST as inviteUser } from "@/app/api/users/route";
import { PATCH as updateUser } from "@/app/api/users/[id]/route";
import { PUT as setCrmLinks } from "@/app/api/users/[id]/crm-users/route";

const fieldTexts = adminMessages.ru.errors.fields;
let testDb: TestDb;
let f: OrgFixture;
let token: string;
let admin: Viewer;

/** What the form shows after sending `body`: null when it was saved. */
async function shown(handler: Parameters<typeof callRoute>[0], path: string, body: unknown, fields: Record<string, string>, options: { method?: string; id?: string; locale?: Locale } = {}) {
  const answer = await callRoute(handler, path, { as: { token }, method: options.method ?? "POST", body, params: options.id ? { id: options.id } : undefined });
  if (answer.status < 400) return null;
  return refusalOf(new ApiError(answer.status, answer.body.error), options.locale ?? "ru", fields);
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  admin = (await loadViewer(testDb.db, f.users.admin.id)) as Viewer;
  token = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "test")).token;
});
afterAll(() => testDb.close());

describe("inviting a user", () => {
  const email = `new-${Date.now()}@test.voronka`;
  const fields = { email: fieldTexts.email, name: fieldTexts.name, role: fieldTexts.role, departmentId: fieldTexts.departmentId, password: fieldTexts.password };
  const invite = (body: object) => shown(inviteUser, "/api/users", { name: "Асель", role: "manager", departmentId: null, password: "initial-pass", ...body }, fields);

  it("creates them with the password typed, then refuses the same e-mail beside the e-mail field", async () => {
    expect(await invite({ email })).toBeNull();
    expect(await checkCredentials(testDb.db, email, "initial-pass")).toMatchObject({ ok: true });
    expect(await invite({ email: email.toUpperCase() })).toEqual({ fieldErrors: { email: "Пользователь с таким e-mail уже есть в вашей организации." } });
  });

  it("asks for a department for a director beside the department field, and for an 8-character password beside the password", async () => {
    expect(await invite({ email: "d@test.voronka", role: "director" })).toEqual({ fieldErrors: { departmentId: "Руководителю отдела нужен отдел." } });
    expect(await invite({ email: "p@test.voronka", password: "short" })).toEqual({ fieldErrors: { password: fieldTexts.password } });
  });
});

describe("a department", () => {
  it("is created once; the second time the name is refused beside it, in the viewer's language", async () => {
    const fields = { name: fieldTexts.departmentName };
    expect(await shown(createDepartment, "/api/departments", { name: "Опт" }, fields)).toBeNull();
    expect(await shown(createDepartment, "/api/departments", { name: "Опт" }, fields)).toEqual({ fieldErrors: { name: "Отдел «Опт» уже есть." } });
    expect(await shown(createDepartment, "/api/departments", { name: "Опт" }, fields, { locale: "en" })).toEqual({ fieldErrors: { name: "A department named “Опт” already exists." } });
  });
});

describe("editing a user", () => {
  const edit = (id: string, body: object, fields: Record<string, string> = { name: fieldTexts.name, role: fieldTexts.role, departmentId: fieldTexts.departmentId }) =>
    shown(updateUser, `/api/users/${id}`, body, fields, { method: "PATCH", id });

  it("saves the name and role and clears the department with the empty choice (sent as null)", async () => {
    expect(await edit(f.users.carol.id, { name: "Carol K", role: "manager", departmentId: null })).toBeNull();
    expect(await getUser(testDb.db, admin, f.users.carol.id)).toMatchObject({ name: "Carol K", role: "manager", department: null });
  });

  it("explains beside the role why an admin cannot demote themselves, and above the button why they cannot disable themselves", async () => {
    expect(await edit(f.users.admin.id, { name: "admin", role: "manager", departmentId: null })).toEqual({ fieldErrors: { role: "Нельзя снять роль администратора с себя; попросите другого администратора." } });
    expect(await edit(f.users.admin.id, { isActive: false }, {})).toEqual({ message: "Нельзя отключить собственную учётную запись." });
  });

  it("refuses a short password beside the password field", async () => {
    expect(await edit(f.users.bob.id, { password: "short" }, { password: fieldTexts.password })).toEqual({ fieldErrors: { password: fieldTexts.password } });
  });

  it("says another organisation's user is not there, above the form", async () => {
    const other = await createOrgFixture(testDb.db);
    expect(await edit(other.users.bob.id, { name: "x", role: "manager", departmentId: null })).toEqual({ message: "Такого пользователя нет; обновите страницу." });
  });

  it("names, beside the CRM users, the one already linked to someone else", async () => {
    const [free] = await testDb.db.insert(crmUsers).values({ orgId: f.org.id, sourceId: f.source.id, externalId: "free-1", name: "Свободный" }).returning();
    const links = (ids: string[]) => shown(setCrmLinks, `/api/users/${f.users.bob.id}/crm-users`, { crmUserIds: ids }, { crmUserIds: fieldTexts.crmUserIds }, { method: "PUT", id: f.users.bob.id });
    expect(await links([f.crmUsers.bob.id, free.id])).toBeNull();
    expect(await links([f.crmUsers.bob.id, free.id, f.crmUsers.alice.id])).toEqual({
      fieldErrors: { crmUserIds: "Менеджер CRM alice уже связан с пользователем alice; сначала уберите связь в его карточке." },
    });
  });
});
