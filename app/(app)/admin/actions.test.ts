// The admin forms' server actions end to end below the browser: FormData in, form state out,
// against a real database. Only the session, the locale cookie and the cache are stood in for.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { crmUsers } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { checkCredentials } from "@/lib/auth/sign-in";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { getUser } from "@/lib/users/list-users";

const session = vi.hoisted(() => ({ viewer: null as unknown, locale: "ru" as "ru" | "en" }));
vi.mock("@/lib/auth/session", () => ({ requirePermission: async () => session.viewer }));
vi.mock("@/lib/i18n/locale", () => ({ resolveLocale: async () => session.locale }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { inviteUserAction, createDepartmentAction } = await import("./users/actions");
const { setCrmLinksAction, setPasswordAction, setUserActiveAction, updateUserAction } = await import("./users/[id]/actions");

const t = adminMessages.ru;
let testDb: TestDb;
let f: OrgFixture;
let admin: Viewer;

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const one of [value].flat()) data.append(name, one);
  return data;
};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  admin = (await loadViewer(testDb.db, f.users.admin.id)) as Viewer;
});
beforeEach(() => {
  session.viewer = admin;
  session.locale = "ru";
});
afterAll(() => testDb.close());

describe("inviting a user", () => {
  const email = `new-${Date.now()}@test.voronka`;

  it("creates them with the password typed, and says so", async () => {
    const state = await inviteUserAction({}, form({ email, name: "Асель", role: "manager", departmentId: "", password: "initial-pass" }));
    expect(state).toEqual({ status: "success", message: `${email} добавлен(а). Передайте сотруднику начальный пароль.`, userId: expect.any(String) });
    expect(await getUser(testDb.db, admin, state.userId!)).toMatchObject({ email, role: "manager", department: null, isActive: true });
    expect(await checkCredentials(testDb.db, email, "initial-pass")).toMatchObject({ ok: true });
  });

  it("refuses the same e-mail again beside the field, keeping what was typed but not the password", async () => {
    const state = await inviteUserAction({}, form({ email: email.toUpperCase(), name: "Другая", role: "manager", departmentId: "", password: "initial-pass" }));
    expect(state).toEqual({
      status: "error",
      fieldErrors: { email: "Пользователь с таким e-mail уже есть в вашей организации." },
      values: { email: email.toUpperCase(), name: "Другая", role: "manager", departmentId: "" },
    });
  });

  it("asks for a department for a director and an 8-character password", async () => {
    const state = await inviteUserAction({}, form({ email: "d@test.voronka", name: "D", role: "director", departmentId: "", password: "short" }));
    expect(state.fieldErrors).toEqual({ departmentId: "Руководителю отдела нужен отдел.", password: t.errors.fields.password });
  });
});

describe("a department", () => {
  it("is created once; the second time the name is refused, in the viewer's language", async () => {
    expect(await createDepartmentAction({}, form({ name: "Опт" }))).toEqual({ status: "success", message: "Отдел «Опт» добавлен." });
    expect(await createDepartmentAction({}, form({ name: "Опт" }))).toEqual({
      status: "error",
      fieldErrors: { name: "Отдел «Опт» уже есть." },
      values: { name: "Опт" },
    });
    session.locale = "en";
    expect(await createDepartmentAction({}, form({ name: "Опт" }))).toMatchObject({ status: "error", fieldErrors: { name: "A department named “Опт” already exists." } });
  });
});

describe("editing a user", () => {
  it("saves name, role and department, and clears the department with the empty choice", async () => {
    const ok = await updateUserAction({}, form({ userId: f.users.carol.id, name: "Carol K", role: "manager", departmentId: "" }));
    expect(ok).toEqual({ status: "success", message: t.user.saved });
    expect(await getUser(testDb.db, admin, f.users.carol.id)).toMatchObject({ name: "Carol K", department: null });
  });

  it("explains why an admin cannot demote or disable themselves", async () => {
    const demote = await updateUserAction({}, form({ userId: admin.userId, name: "admin", role: "manager", departmentId: "" }));
    expect(demote).toMatchObject({ status: "error", fieldErrors: { role: "Нельзя снять роль администратора с себя; попросите другого администратора." } });
    expect(await setUserActiveAction({}, form({ userId: admin.userId, isActive: "false" }))).toEqual({ status: "error", message: "Нельзя отключить собственную учётную запись." });
  });

  it("disables and enables a user; a disabled user cannot sign in", async () => {
    expect(await setUserActiveAction({}, form({ userId: f.users.bob.id, isActive: "false" }))).toEqual({ status: "success", message: t.user.disabledDone });
    expect(await checkCredentials(testDb.db, f.users.bob.email, "correct-password")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await setUserActiveAction({}, form({ userId: f.users.bob.id, isActive: "true" }))).toEqual({ status: "success", message: t.user.enabledDone });
  });

  it("sets a password of 8 characters or more", async () => {
    expect(await setPasswordAction({}, form({ userId: f.users.bob.id, password: "short" }))).toEqual({
      status: "error",
      fieldErrors: { password: t.errors.fields.password },
    });
    expect(await setPasswordAction({}, form({ userId: f.users.bob.id, password: "a-new-password" }))).toEqual({ status: "success", message: t.user.passwordDone });
    expect(await checkCredentials(testDb.db, f.users.bob.email, "a-new-password")).toMatchObject({ ok: true });
  });

  it("links CRM users; one linked to someone else is refused and the ticks are kept", async () => {
    const [free] = await testDb.db
      .insert(crmUsers)
      .values({ orgId: f.org.id, sourceId: f.source.id, externalId: "free-1", name: "Свободный" })
      .returning();
    const ticked = [f.crmUsers.bob.id, free.id];
    expect(await setCrmLinksAction({}, form({ userId: f.users.bob.id, crmUserIds: ticked }))).toEqual({ status: "success", message: t.user.linksSaved });
    expect((await getUser(testDb.db, admin, f.users.bob.id)).crmUsers.map((link) => link.name).sort()).toEqual(["bob", "Свободный"]);

    const taken = await setCrmLinksAction({}, form({ userId: f.users.bob.id, crmUserIds: [...ticked, f.crmUsers.alice.id] }));
    expect(taken).toEqual({
      status: "error",
      fieldErrors: { crmUserIds: "Менеджер CRM alice уже связан с пользователем alice; сначала уберите связь в его карточке." },
      selected: [...ticked, f.crmUsers.alice.id],
    });
  });

  it("does not reach another organisation's user", async () => {
    const other = await createOrgFixture(testDb.db);
    const state = await updateUserAction({}, form({ userId: other.users.bob.id, name: "x", role: "manager", departmentId: "" }));
    expect(state).toMatchObject({ status: "error", message: "Такого пользователя нет; обновите страницу." });
    expect(await getUser(testDb.db, (await loadViewer(testDb.db, other.users.admin.id)) as Viewer, other.users.bob.id)).toMatchObject({ name: "bob" });
  });
});
