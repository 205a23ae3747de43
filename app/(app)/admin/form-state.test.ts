import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { ConflictError, ValidationError } from "@/lib/errors";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { setLinkedCrmUsers } from "@/lib/users/crm-user-links";
import { createDepartment } from "@/lib/users/departments";
import { inviteUser } from "@/lib/users/invite-user";
import { getUser } from "@/lib/users/list-users";
import { inviteUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";
import { describeFormError, textValues } from "./form-state";

const t = adminMessages.ru.errors;
const userFields = { email: t.fields.email, name: t.fields.name, role: t.fields.role, departmentId: t.fields.departmentId, password: t.fields.password };

/** What the form would show for the error a call rejects with. */
async function shown(call: Promise<unknown>, fields: Record<string, string> = userFields) {
  const error = await call.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error, "the call should have been refused").toBeDefined();
  return describeFormError(error, t, fields);
}

describe("describeFormError with zod", () => {
  it("puts each refused field's own text beside it, once", () => {
    const result = inviteUserSchema.safeParse({ email: "not-an-email", name: " ", role: "manager", password: "short" });
    expect(describeFormError(result.error, t, userFields)).toEqual({
      fieldErrors: { email: t.fields.email, name: t.fields.name, password: t.fields.password },
    });
  });

  it("says a director needs a department rather than that the department is malformed", () => {
    const result = inviteUserSchema.safeParse({ email: "d@x.kz", name: "D", role: "director", password: "long-enough" });
    expect(describeFormError(result.error, t, userFields)).toEqual({ fieldErrors: { departmentId: t.directorNeedsDepartment } });
  });

  it("shows an issue about a field the form lacks above the form, in the schema's words", () => {
    const refused = inviteUserSchema.safeParse({ email: "d@x.kz", name: "D", role: "owner", password: "long-enough" });
    expect(describeFormError(refused.error, t, { email: t.fields.email })).toEqual({ message: "role: must be admin, director or manager" });
  });
});

describe("describeFormError with other errors", () => {
  it("keeps an unrecognised domain message readable, in the domain's words", () => {
    expect(describeFormError(new ConflictError("Something new went wrong"), t, userFields)).toEqual({ message: "Something new went wrong" });
  });

  it("maps an unrecognised 'field: …' message to that field's text when the form shows it", () => {
    expect(describeFormError(new ValidationError("password: must be at most 72 bytes"), t, userFields)).toEqual({ fieldErrors: { password: t.fields.password } });
    expect(describeFormError(new ValidationError("password: must be at most 72 bytes"), t, {})).toEqual({ message: "password: must be at most 72 bytes" });
  });

  it("rethrows what is not a refusal: a bug must not pass for bad input", () => {
    const bug = new TypeError("x is undefined");
    expect(() => describeFormError(bug, t, userFields)).toThrow(bug);
  });

  it("ignores names that merely exist on every object", () => {
    expect(describeFormError(new ValidationError("constructor: nope"), t, userFields)).toEqual({ message: "constructor: nope" });
  });
});

describe("textValues", () => {
  it("reads the named text fields, empty when missing", () => {
    const form = new FormData();
    form.set("name", "Асель");
    form.set("password", "secret-secret");
    expect(textValues(form, ["name", "role"])).toEqual({ name: "Асель", role: "" });
  });
});

// The domain's rules, provoked for real, so that a change of its wording shows up here.
describe("describeFormError recognises every rule the domain enforces", () => {
  let testDb: TestDb;
  let f: OrgFixture;
  let admin: Viewer;
  beforeAll(async () => {
    testDb = await createTestDb();
    f = await createOrgFixture(testDb.db);
    admin = (await loadViewer(testDb.db, f.users.admin.id)) as Viewer;
  });
  afterAll(() => testDb.close());

  it("an e-mail already in use", async () => {
    const invite = inviteUser(testDb.db, admin, { email: f.users.alice.email.toUpperCase(), name: "Alice 2", role: "manager", password: "long-enough" });
    expect(await shown(invite)).toEqual({ fieldErrors: { email: t.emailTaken } });
  });

  it("a department name already in use", async () => {
    expect(await shown(createDepartment(testDb.db, admin, { name: "Sales" }), { name: t.fields.departmentName })).toEqual({
      fieldErrors: { name: "Отдел «Sales» уже есть." },
    });
  });

  it("a CRM user linked to someone else", async () => {
    const link = setLinkedCrmUsers(testDb.db, admin, f.users.bob.id, [f.crmUsers.alice.id]);
    expect(await shown(link, { crmUserIds: t.fields.crmUserIds })).toEqual({
      fieldErrors: { crmUserIds: "Менеджер CRM alice уже связан с пользователем alice; сначала уберите связь в его карточке." },
    });
  });

  it("an admin demoting or disabling themselves", async () => {
    expect(await shown(updateUser(testDb.db, admin, admin.userId, { role: "manager" }))).toEqual({ fieldErrors: { role: t.ownRole } });
    expect(await shown(updateUser(testDb.db, admin, admin.userId, { isActive: false }), {})).toEqual({ message: t.ownDisable });
  });

  it("the last active admin", async () => {
    const other = await createOrgFixture(testDb.db);
    const first = (await loadViewer(testDb.db, other.users.admin.id)) as Viewer;
    await updateUser(testDb.db, first, other.users.alice.id, { role: "admin" });
    const alice = (await loadViewer(testDb.db, other.users.alice.id)) as Viewer;
    await updateUser(testDb.db, alice, other.users.admin.id, { role: "manager" });
    // `first` was loaded before their demotion, as in a request that raced the one above.
    expect(await shown(updateUser(testDb.db, first, other.users.alice.id, { isActive: false }), {})).toEqual({
      message: "alice — последний активный администратор организации; сначала назначьте администратором другого пользователя.",
    });
  });

  it("a director without a department, and a department or CRM user that does not exist", async () => {
    expect(await shown(updateUser(testDb.db, admin, f.users.bob.id, { role: "director", departmentId: null }))).toEqual({
      fieldErrors: { departmentId: t.directorNeedsDepartment },
    });
    expect(await shown(updateUser(testDb.db, admin, f.users.bob.id, { departmentId: randomUUID() }))).toEqual({
      fieldErrors: { departmentId: t.departmentNotFound },
    });
    expect(await shown(setLinkedCrmUsers(testDb.db, admin, f.users.bob.id, [randomUUID()]), { crmUserIds: t.fields.crmUserIds })).toEqual({
      fieldErrors: { crmUserIds: t.crmUserNotFound },
    });
  });

  it("a user of another organisation, or a malformed id", async () => {
    const other = await createOrgFixture(testDb.db);
    expect(await shown(updateUser(testDb.db, admin, other.users.bob.id, { name: "x" }))).toEqual({ message: t.userNotFound });
    expect(await shown(getUser(testDb.db, admin, "not-a-uuid"))).toEqual({ message: t.userNotFound });
  });
});
