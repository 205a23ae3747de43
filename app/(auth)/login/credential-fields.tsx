// The e-mail and password fields of both sign-in forms (Auth.js and Supabase Auth), so the two
// cannot drift in labels, autocomplete hints or what the browser's password manager sees.
import { Field, Input } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages";

export function CredentialFields({ t, email }: { t: Messages["login"]; email?: string }) {
  return (
    <>
      <Field label={t.email} htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={email} autoFocus />
      </Field>
      <Field label={t.password} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
    </>
  );
}
