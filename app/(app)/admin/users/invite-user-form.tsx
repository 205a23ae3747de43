"use client";
import Link from "next/link";
import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { FormState } from "../form-state";
import { inviteUserAction } from "./actions";

type Props = { t: AdminMessages["invite"]; roles: Record<Role, string>; departments: { id: string; name: string }[] };

export function InviteUserForm({ t, roles, departments }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteUserAction, {});
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-3" data-testid="invite-user-form">
      <FormAlert state={state}>
        {state.userId ? (
          <Link href={`/admin/users/${state.userId}`} className="ml-2 font-medium underline">
            {t.open}
          </Link>
        ) : null}
      </FormAlert>
      <Field label={t.email} htmlFor="invite-email">
        <Input id="invite-email" name="email" type="email" autoComplete="off" required defaultValue={values.email} {...errorProps("invite-email", errors.email)} />
        <FieldError id="invite-email" message={errors.email} />
      </Field>
      <Field label={t.name} htmlFor="invite-name">
        <Input id="invite-name" name="name" autoComplete="off" required maxLength={200} defaultValue={values.name} {...errorProps("invite-name", errors.name)} />
        <FieldError id="invite-name" message={errors.name} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t.role} htmlFor="invite-role">
          {/* Keyed by the value to restore: React applies a select's defaultValue only when it mounts. */}
          <Select key={values.role ?? "manager"} id="invite-role" name="role" defaultValue={values.role ?? "manager"} {...errorProps("invite-role", errors.role)}>
            {(Object.keys(roles) as Role[]).map((role) => (
              <option key={role} value={role}>
                {roles[role]}
              </option>
            ))}
          </Select>
          <FieldError id="invite-role" message={errors.role} />
        </Field>
        <Field label={t.department} htmlFor="invite-department" hint={errors.departmentId ? undefined : t.departmentHint}>
          <Select
            key={values.departmentId ?? ""}
            id="invite-department"
            name="departmentId"
            defaultValue={values.departmentId ?? ""}
            {...errorProps("invite-department", errors.departmentId)}
          >
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
      <Button type="submit" disabled={pending}>
        {pending ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
