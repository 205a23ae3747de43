"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { setLinkedCrmUsers } from "@/lib/users/crm-user-links";
import { crmUserLinksSchema, passwordSchema, updateUserSchema } from "@/lib/users/schemas";
import { setUserPassword } from "@/lib/users/set-user-password";
import { updateUser } from "@/lib/users/update-user";
import { describeFormError, textValues, type FormState } from "../../form-state";

async function begin() {
  const viewer = await requirePermission("users:manage");
  const locale = await resolveLocale(viewer);
  return { viewer, locale, t: adminMessages[locale], db: await getDb() };
}

// The users pages; the whole app when admins change themselves, whose name the sidebar shows.
function revalidateUser(viewer: Viewer, userId: string) {
  revalidatePath("/admin/users", "layout");
  if (userId === viewer.userId) revalidatePath("/", "layout");
}

// Wrapped so that a refusal names the password field.
const passwordFormSchema = z.object({ password: passwordSchema });

const userIdOf = (form: FormData) => String(form.get("userId") ?? "");

export async function updateUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { viewer, locale, t, db } = await begin();
  const userId = userIdOf(form);
  const values = textValues(form, ["name", "role", "departmentId"]);
  try {
    const changes = updateUserSchema.parse({ ...values, departmentId: values.departmentId || null });
    await updateUser(db, viewer, userId, changes);
    revalidateUser(viewer, userId);
    return { status: "success", message: t.user.saved };
  } catch (error) {
    const { name, role, departmentId } = t.errors.fields;
    return { status: "error", ...describeFormError(error, locale, { name, role, departmentId }), values };
  }
}

export async function setUserActiveAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { viewer, locale, t, db } = await begin();
  const userId = userIdOf(form);
  const isActive = form.get("isActive") === "true";
  try {
    await updateUser(db, viewer, userId, { isActive });
    revalidateUser(viewer, userId);
    return { status: "success", message: isActive ? t.user.enabledDone : t.user.disabledDone };
  } catch (error) {
    return { status: "error", ...describeFormError(error, locale, {}) };
  }
}

export async function setPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { viewer, locale, t, db } = await begin();
  const userId = userIdOf(form);
  try {
    const { password } = passwordFormSchema.parse({ password: form.get("password") ?? undefined });
    await setUserPassword(db, viewer, userId, password);
    return { status: "success", message: t.user.passwordDone };
  } catch (error) {
    return { status: "error", ...describeFormError(error, locale, { password: t.errors.fields.password }) };
  }
}

export async function setCrmLinksAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { viewer, locale, t, db } = await begin();
  const userId = userIdOf(form);
  const selected = form.getAll("crmUserIds").map(String);
  try {
    const { crmUserIds } = crmUserLinksSchema.parse({ crmUserIds: selected });
    await setLinkedCrmUsers(db, viewer, userId, crmUserIds);
    revalidateUser(viewer, userId);
    return { status: "success", message: t.user.linksSaved };
  } catch (error) {
    return { status: "error", ...describeFormError(error, locale, { crmUserIds: t.errors.fields.crmUserIds }), selected };
  }
}
