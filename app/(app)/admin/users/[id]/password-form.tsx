"use client";
import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { FormState } from "../../form-state";
import { setPasswordAction } from "./actions";

export function PasswordForm({ userId, t }: { userId: string; t: AdminMessages["user"] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setPasswordAction, {});
  const error = state.fieldErrors?.password;
  return (
    <form action={action} className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="userId" value={userId} />
      <Field label={t.password} htmlFor="user-password" hint={error ? undefined : t.passwordHint}>
        <Input id="user-password" name="password" type="password" autoComplete="new-password" required minLength={8} {...errorProps("user-password", error)} />
        <FieldError id="user-password" message={error} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t.setPassword}
      </Button>
    </form>
  );
}
