"use client";
import Link from "next/link";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { fill } from "@/lib/i18n/fill";

type Props = { t: AdminMessages["invite"]; fields: AdminMessages["errors"]["fields"]; roles: Record<Role, string>; departments: { id: string; name: string }[]; locale: Locale };

/** POST /api/users: the person can sign in at once with the password typed here. */
export function InviteUserForm({ t, fields, roles, departments, locale }: Props) {
  const form = useApiForm({
    send: (data: FormData) =>
      callApi<{ user: { id: string; email: string } }>("/api/users", {
        body: { email: data.get("email"), name: data.get("name"), role: data.get("role"), departmentId: data.get("departmentId") || null, password: data.get("password") },
      }),
    locale,
    fields: { email: fields.email, name: fields.name, role: fields.role, departmentId: fields.departmentId, password: fields.password },
    saved: ({ user }) => fill(t.done, { email: user.email }),
    resetOnSave: true,
  });
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="invite-user-form">
      <FormAlert state={form.outcome}>
        {form.outcome.status === "success" && form.result ? (
          <Link href={`/admin/users/${form.result.user.id}`} className="ml-2 font-medium underline">
            {t.open}
          </Link>
        ) : null}
      </FormAlert>
      <Field label={t.email} htmlFor="invite-email">
        <Input id="invite-email" name="email" type="email" autoComplete="off" required {...errorProps("invite-email", errors.email)} />
        <FieldError id="invite-email" message={errors.email} />
      </Field>
      <Field label={t.name} htmlFor="invite-name">
        <Input id="invite-name" name="name" autoComplete="off" required maxLength={200} {...errorProps("invite-name", errors.name)} />
        <FieldError id="invite-name" message={errors.name} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t.role} htmlFor="invite-role">
          <Select id="invite-role" name="role" defaultValue="manager" {...errorProps("invite-role", errors.role)}>
            {(Object.keys(roles) as Role[]).map((role) => (
              <option key={role} value={role}>
                {roles[role]}
              </option>
            ))}
          </Select>
          <FieldError id="invite-role" message={errors.role} />
        </Field>
        <Field label={t.department} htmlFor="invite-department" hint={errors.departmentId ? undefined : t.departmentHint}>
          <Select id="invite-department" name="departmentId" defaultValue="" {...errorProps("invite-department", errors.departmentId)}>
            <option value="">{t.noDepartment}</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </Select>
          <FieldError id="invite-department" message={errors.departmentId} />
        </Field>
      </div>
      <Field label={t.password} htmlFor="invite-password" hint={errors.password ? undefined : t.passwordHint}>
        <Input id="invite-password" name="password" type="password" autoComplete="new-password" required minLength={8} {...errorProps("invite-password", errors.password)} />
        <FieldError id="invite-password" message={errors.password} />
      </Field>
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
