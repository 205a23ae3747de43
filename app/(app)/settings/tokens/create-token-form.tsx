"use client";
import { FormAlert } from "@/components/admin/form-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { TokensMessages } from "@/lib/i18n/tokens-messages";

/** POST /api/tokens: the new token is shown once, here, and never again. */
export function CreateTokenForm({ t, locale }: { t: TokensMessages; locale: Locale }) {
  const form = useApiForm({
    send: (data: FormData) => callApi<{ token: string }>("/api/tokens", { body: { name: data.get("name") } }),
    locale,
    fields: { name: t.nameRequired },
    resetOnSave: true,
  });
  // The name is the form's one field: its refusal is said above it.
  const refusal = form.outcome.fieldErrors?.name ?? form.outcome.message;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3">
      {form.result ? (
        <Alert tone="success">
          <p className="font-medium">{t.createdOnce}</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-800" data-testid="new-token">
            {form.result.token}
          </code>
        </Alert>
      ) : null}
      <FormAlert state={{ status: refusal ? "error" : undefined, message: refusal }} />
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <Field label={t.name} htmlFor="token-name">
            <Input id="token-name" name="name" maxLength={100} placeholder={t.namePlaceholder} required />
          </Field>
        </div>
        <Button type="submit" disabled={form.isPending}>
          {t.create}
        </Button>
      </div>
    </form>
  );
}
