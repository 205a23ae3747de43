"use client";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";

type Props = {
  user: { id: string; name: string; role: Role; departmentId: string };
  t: AdminMessages["user"];
  fields: AdminMessages["errors"]["fields"];
  saving: string;
  locale: Locale;
  roles: Record<Role, string>;
  departments: { id: string; name: string }[];
};

/** PATCH /api/users/<id> with the name, role and department. */
export function ProfileForm({ user, t, fields, saving, roles, departments, locale }: Props) {
  const form = useApiForm({
    send: (data: FormData) => callApi(`/api/users/${user.id}`, { method: "PATCH", body: { name: data.get("name"), role: data.get("role"), departmentId: data.get("departmentId") || null } }),
    locale,
    fields: { name: fields.name, role: fields.role, departmentId: fields.departmentId },
    saved: () => t.saved,
  });
  const errors = form.fieldErrors;
  // The saved values, fresh after each save; after a refusal the controls keep what was typed.
  const value = { name: user.name, role: user.role, departmentId: user.departmentId };
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="profile-form">
      <FormAlert state={form.outcome} />
      <Field label={t.name} htmlFor="user-name">
        <Input id="user-name" name="name" required maxLength={200} defaultValue={value.name} {...errorProps("user-name", errors.name)} />
        <FieldError id="user-name" message={errors.name} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t.role} htmlFor="user-role">
          {/* Keyed by the value to show: React applies a select's defaultValue only when it mounts. */}
          <Select key={value.role} id="user-role" name="role" defaultValue={value.role} {...errorProps("user-role", errors.role)}>
            {(Object.keys(roles) as Role[]).map((role) => (
              <option key={role} value={role}>
                {roles[role]}
              </option>
            ))}
          </Select>
          <FieldError id="user-role" message={errors.role} />
        </Field>
        <Field label={t.department} htmlFor="user-department" hint={errors.departmentId ? undefined : t.departmentHint}>
          <Select key={value.departmentId} id="user-department" name="departmentId" defaultValue={value.departmentId} {...errorProps("user-department", errors.departmentId)}>
            <option value="">{t.noDepartment}</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </Select>
          <FieldError id="user-department" message={errors.departmentId} />
        </Field>
      </div>
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? saving : t.save}
      </Button>
    </form>
  );
}
