"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CredentialFields } from "./credential-fields";
import type { ErrorCode } from "@/lib/error-codes";
import { errorText } from "@/lib/i18n/describe-error";
import type { Messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/format";
import { supabaseSignInAction, type SupabaseSignInState } from "./supabase-actions";

/**
 * Supabase Auth's sign-in (AUTH_PROVIDER=supabase): the password, or a magic link (the second
 * button needs no password). `initialError` is a refusal the magic link's callback sent back.
 */
export function SupabaseLoginForm({ t, locale, callbackUrl, initialError }: { t: Messages["login"]; locale: Locale; callbackUrl: string; initialError?: ErrorCode }) {
  const [state, action, pending] = useActionState<SupabaseSignInState, FormData>(supabaseSignInAction, { error: initialError });
  return (
    <>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <form action={action} className="space-y-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <CredentialFields t={t} email={state.email} />
          <Button type="submit" name="intent" value="password" className="w-full" disabled={pending}>
            {pending ? t.submitting : t.submit}
          </Button>
          <div className="border-t border-slate-100 pt-4">
            <p className="mb-2 text-sm text-slate-500">{t.linkHint}</p>
            <Button type="submit" name="intent" value="link" variant="secondary" formNoValidate className="w-full" disabled={pending}>
              {pending ? t.sendingLink : t.sendLink}
            </Button>
          </div>
        </form>
      </div>
      {state.error ? <Alert tone="error">{errorText(locale, { code: state.error })}</Alert> : null}
      {state.linkSentTo && !state.error ? <Alert tone="success">{t.linkSent.replace("{email}", state.linkSentTo)}</Alert> : null}
    </>
  );
}
