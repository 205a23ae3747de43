"use client";
import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { FormState } from "../../form-state";
import { updateUserAction } from "./actions";

type Props = {
  user: { id: string; name: string; role: Role; departmentId: string };
  t: AdminMessages["user"];
  saving: string;
  roles: Record<Role, string>;
  departments: { id: string; name: string }[];
};

export function ProfileForm({ user, t, saving, roles, departments }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateUserAction, {});
  const errors = state.fieldErrors ?? {};
  // After a refusal, what was typed; otherwise the saved values (fresh after each save).
  const value = { name: user.name, role: user.role, departmentId: user.departmentId, ...state.values };
  return (
    <form action={action} className="space-y-3" data-testid="profile-form">
      <FormAlert state={state} />
      <input type="hidden" name="userId" value={user.id} />
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
      <Button type="submit" disabled={pending}>
        {pending ? saving : t.save}
      </Button>
    </form>
  );
}
