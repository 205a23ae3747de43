import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError, ConflictError, ValidationError } from "@/lib/errors";
import type { Locale } from "@/lib/format";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { setLinkedCrmUsers } from "@/lib/users/crm-user-links";
import { createDepartment } from "@/lib/users/departments";
import { inviteUser } from "@/lib/users/invite-user";
import { getUser } from "@/lib/users/list-users";
import { inviteUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";
import { ZodError } from "zod";
import { refusalOf } from "@/components/ui/use-api-form";
import { ApiError } from "@/lib/api/call-api";
import { errorBodyOf } from "@/lib/api/error-body";

// How a form shows a refusal (useApiForm's refusalOf): a domain error as thrown, a schema failure as
// the API's 400 body carries it (its first issue). The words for every rule the domain enforces.
function describeFormError(error: unknown, locale: Locale, formFields: Record<string, string>) {
  if (error instanceof ZodError) return refusalOf(new ApiError(400, errorBodyOf(error)!.body), locale, formFields);
  return refusalOf(error, locale, formFields);
}

const fields = adminMessages.ru.errors.fields;
const userFields = { email: fields.email, name: fields.name, role: fields.role, departmentId: fields.departmentId, password: fields.password };

/** What the form would show, in each language, for the error a call rejects with. */
async function shown(call: Promise<unknown>, formFields: Record<string, string> = userFields) {
  const error = await call.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error, "the call should have been refused").toBeDefined();
  const inLanguage = (locale: Locale) => describeFormError(error, locale, formFields);
  return { ru: inLanguage("ru"), en: inLanguage("en") };
}

describe("a schema failure, as the API answers it", () => {
  it("puts the first refused field's own text beside it (the API answers one field at a time)", () => {
    const result = inviteUserSchema.safeParse({ email: "not-an-email", name: " ", role: "manager", password: "short" });
    expect(describeFormError(result.error, "ru", userFields)).toEqual({ fieldErrors: { email: fields.email } });
  });

  it("says a director needs a department (the schema rule's own code) rather than that the department is malformed", () => {
    const result = inviteUserSchema.safeParse({ email: "d@x.kz", name: "D", role: "director", password: "long-enough" });
    expect(describeFormError(result.error, "ru", userFields)).toEqual({ fieldErrors: { departmentId: "Руководителю отдела нужен отдел." } });
    expect(describeFormError(result.error, "en", userFields)).toEqual({ fieldErrors: { departmentId: "A director needs a department." } });
  });

  it("shows an issue about a field the form lacks above the form, translated and naming the field", () => {
    const refused = inviteUserSchema.safeParse({ email: "d@x.kz", name: "D", role: "owner", password: "long-enough" });
    expect(describeFormError(refused.error, "ru", { email: fields.email })).toEqual({ message: "Проверьте введённые данные: поле «role»." });
    expect(describeFormError(refused.error, "en", { email: fields.email })).toEqual({ message: "Check what was entered: the field “role”." });
  });
});

describe("a domain error", () => {
  it("translates by code, never by the English message", () => {
    expect(describeFormError(new ConflictError("Something new went wrong"), "ru", userFields)).toEqual({
      message: "Данные изменились одновременно с вашим действием; обновите страницу и попробуйте снова.",
    });
  });

  it("gives an unknown code a generic text that shows the code", () => {
    expect(describeFormError(new AppError(400, "brand_new_rule", "A brand new rule"), "ru", userFields)).toEqual({ message: "Не получилось (код ошибки brand_new_rule)." });
    expect(describeFormError(new AppError(400, "brand_new_rule", "A brand new rule"), "en", userFields)).toEqual({ message: "That did not work (error code brand_new_rule)." });
  });

  it("shows a plain check of a field the form has as that field's own text, else above the form", () => {
    const tooLong = new ValidationError("The password must be at most 72 bytes", { field: "password" });
    expect(describeFormError(tooLong, "ru", userFields)).toEqual({ fieldErrors: { password: fields.password } });
    expect(describeFormError(tooLong, "ru", {})).toEqual({ message: "Проверьте введённые данные: поле «password»." });
  });

  it("says a bug as an internal error, never as bad input", () => {
    expect(describeFormError(new Error("x is undefined"), "en", userFields)).toEqual({ message: "Something went wrong on the server; the error has been logged. Try again." });
  });

  it("ignores field names that merely exist on every object", () => {
    const odd = new ValidationError("nope", { field: "constructor" });
    expect(describeFormError(odd, "en", userFields)).toEqual({ message: "Check what was entered: the field “constructor”." });
  });
});

// The domain's rules, provoked for real: each carries its code, field and params, and reads well in both languages.
describe("every rule the domain enforces, as a form shows it", () => {
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
    expect(await shown(invite)).toEqual({
      ru: { fieldErrors: { email: "Пользователь с таким e-mail уже есть в вашей организации." } },
      en: { fieldErrors: { email: "A user with this e-mail is already in your organisation." } },
    });
  });

  it("a department name already in use", async () => {
    expect(await shown(createDepartment(testDb.db, admin, { name: "Sales" }), { name: fields.departmentName })).toEqual({
      ru: { fieldErrors: { name: "Отдел «Sales» уже есть." } },
      en: { fieldErrors: { name: "A department named “Sales” already exists." } },
    });
  });

  it("a CRM user linked to someone else", async () => {
    const link = setLinkedCrmUsers(testDb.db, admin, f.users.bob.id, [f.crmUsers.alice.id]);
    expect(await shown(link, { crmUserIds: fields.crmUserIds })).toEqual({
      ru: { fieldErrors: { crmUserIds: "Менеджер CRM alice уже связан с пользователем alice; сначала уберите связь в его карточке." } },
      en: { fieldErrors: { crmUserIds: "CRM user alice is already linked to alice; unlink it on their page first." } },
    });
  });

  it("an admin demoting or disabling themselves", async () => {
    expect(await shown(updateUser(testDb.db, admin, admin.userId, { role: "manager" }))).toEqual({
      ru: { fieldErrors: { role: "Нельзя снять роль администратора с себя; попросите другого администратора." } },
      en: { fieldErrors: { role: "You cannot take away your own admin role; ask another admin." } },
    });
    expect(await shown(updateUser(testDb.db, admin, admin.userId, { isActive: false }), {})).toEqual({
      ru: { message: "Нельзя отключить собственную учётную запись." },
      en: { message: "You cannot disable your own account." },
    });
  });

  it("the last active admin", async () => {
    const other = await createOrgFixture(testDb.db);
    const first = (await loadViewer(testDb.db, other.users.admin.id)) as Viewer;
    await updateUser(testDb.db, first, other.users.alice.id, { role: "admin" });
    const alice = (await loadViewer(testDb.db, other.users.alice.id)) as Viewer;
    await updateUser(testDb.db, alice, other.users.admin.id, { role: "manager" });
    // `first` was loaded before their demotion, as in a request that raced the one above.
    expect(await shown(updateUser(testDb.db, first, other.users.alice.id, { isActive: false }), {})).toEqual({
      ru: { message: "alice — последний активный администратор организации; сначала назначьте администратором другого пользователя." },
      en: { message: "alice is the last active admin of the organisation; make another user an admin first." },
    });
  });

  it("a director without a department, and a department or CRM user that does not exist", async () => {
    expect(await shown(updateUser(testDb.db, admin, f.users.bob.id, { role: "director", departmentId: null }))).toEqual({
      ru: { fieldErrors: { departmentId: "Руководителю отдела нужен отдел." } },
      en: { fieldErrors: { departmentId: "A director needs a department." } },
    });
    expect(await shown(updateUser(testDb.db, admin, f.users.bob.id, { departmentId: randomUUID() }))).toEqual({
      ru: { fieldErrors: { departmentId: "Такого отдела нет; обновите страницу." } },
      en: { fieldErrors: { departmentId: "This department does not exist; reload the page." } },
    });
    expect(await shown(setLinkedCrmUsers(testDb.db, admin, f.users.bob.id, [randomUUID()]), { crmUserIds: fields.crmUserIds })).toEqual({
      ru: { fieldErrors: { crmUserIds: "Такого менеджера CRM нет; обновите страницу." } },
      en: { fieldErrors: { crmUserIds: "This CRM user does not exist; reload the page." } },
    });
  });

  it("a user of another organisation, or a malformed id", async () => {
    const other = await createOrgFixture(testDb.db);
    const userNotFound = { ru: { message: "Такого пользователя нет; обновите страницу." }, en: { message: "This user does not exist; reload the page." } };
    expect(await shown(updateUser(testDb.db, admin, other.users.bob.id, { name: "x" }))).toEqual(userNotFound);
    expect(await shown(getUser(testDb.db, admin, "not-a-uuid"))).toEqual(userNotFound);
  });
});
