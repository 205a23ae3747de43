"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CredentialFields } from "./credential-fields";
import type { Messages } from "@/lib/i18n/messages";
import { signInAction, type SignInState } from "./actions";

/** The card with the form, and under it (outside the card, so the card never changes size) the refusal. */
export function LoginForm({ t, callbackUrl }: { t: Messages["login"]; callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <form action={action} className="space-y-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <CredentialFields t={t} email={state.email} />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t.submitting : t.submit}
          </Button>
        </form>
      </div>
      {state.error ? <Alert tone="error">{t[state.error]}</Alert> : null}
    </>
  );
}
