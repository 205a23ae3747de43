"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { TokensMessages } from "@/lib/i18n/tokens-messages";
import { createTokenAction, type CreateTokenState } from "./actions";

export function CreateTokenForm({ t }: { t: TokensMessages }) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  return (
    <form action={action} className="space-y-3">
      {state.token ? (
        <Alert tone="success">
          <p className="font-medium">{t.createdOnce}</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-800" data-testid="new-token">
            {state.token}
          </code>
        </Alert>
      ) : null}
      {state.error ? <Alert tone="error">{t.nameRequired}</Alert> : null}
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <Field label={t.name} htmlFor="token-name">
            <Input id="token-name" name="name" maxLength={100} placeholder={t.namePlaceholder} required />
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {t.create}
        </Button>
      </div>
    </form>
  );
}
