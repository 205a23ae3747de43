"use client";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";

/** PATCH /api/users/<id> with a new password (8 characters or more). */
export function PasswordForm({ userId, t, fields, locale }: { userId: string; t: AdminMessages["user"]; fields: AdminMessages["errors"]["fields"]; locale: Locale }) {
  const form = useApiForm({
    send: (data: FormData) => callApi(`/api/users/${userId}`, { method: "PATCH", body: { password: data.get("password") } }),
    locale,
    fields: { password: fields.password },
    saved: () => t.passwordDone,
    resetOnSave: true,
  });
  const error = form.fieldErrors.password;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3">
      <FormAlert state={form.outcome} />
      <Field label={t.password} htmlFor="user-password" hint={error ? undefined : t.passwordHint}>
        <Input id="user-password" name="password" type="password" autoComplete="new-password" required minLength={8} {...errorProps("user-password", error)} />
        <FieldError id="user-password" message={error} />
      </Field>
      <Button type="submit" variant="secondary" disabled={form.isPending}>
        {t.setPassword}
      </Button>
    </form>
  );
}
