"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { createDepartment } from "@/lib/users/departments";
import { inviteUser } from "@/lib/users/invite-user";
import { createDepartmentSchema, inviteUserSchema } from "@/lib/users/schemas";
import { describeFormError, textValues, type FormState } from "../form-state";

export async function inviteUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("users:manage");
  const locale = await resolveLocale(viewer);
  const t = adminMessages[locale];
  const values = textValues(form, ["email", "name", "role", "departmentId"]);
  try {
    const input = inviteUserSchema.parse({ ...values, departmentId: values.departmentId || null, password: form.get("password") ?? undefined });
    const user = await inviteUser(await getDb(), viewer, input);
    revalidatePath("/admin/users", "layout");
    return { status: "success", message: fill(t.invite.done, { email: user.email }), userId: user.id };
  } catch (error) {
    const { email, name, role, departmentId, password } = t.errors.fields;
    return { status: "error", ...describeFormError(error, locale, { email, name, role, departmentId, password }), values };
  }
}

export async function createDepartmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("users:manage");
  const locale = await resolveLocale(viewer);
  const t = adminMessages[locale];
  const values = textValues(form, ["name"]);
  try {
    const department = await createDepartment(await getDb(), viewer, createDepartmentSchema.parse(values));
    revalidatePath("/admin/users", "layout");
    return { status: "success", message: fill(t.departments.created, { name: department.name }) };
  } catch (error) {
    return { status: "error", ...describeFormError(error, locale, { name: t.errors.fields.departmentName }), values };
  }
}
