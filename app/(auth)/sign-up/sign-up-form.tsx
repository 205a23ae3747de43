"use client";
import Link from "next/link";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { HostedMessages } from "@/lib/i18n/hosted-messages";

type Props = { t: HostedMessages["signUp"]; locale: Locale; asksInviteCode: boolean };

/** POST /api/sign-up; then either "check your mail" or, with an invitation code and no mailer, "sign in". */
export function SignUpForm({ t, locale, asksInviteCode }: Props) {
  const form = useApiForm({
    send: (data: FormData) =>
      callApi<{ status: "verification_sent" | "created" }>("/api/sign-up", {
        body: { organisation: data.get("organisation"), name: data.get("name"), email: data.get("email"), password: data.get("password"), locale, ...(asksInviteCode ? { inviteCode: data.get("inviteCode") } : {}) },
      }),
    locale,
    fields: { organisation: t.organisation, name: t.name, email: t.email, password: t.password, inviteCode: t.inviteCode },
  });
  if (form.result) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="sign-up-done">
        <p className="text-sm">{form.result.status === "created" ? t.created : t.sent}</p>
        {form.result.status === "created" ? (
          <Link href="/login" className="mt-3 inline-block text-brand-700 underline">
            {t.signIn}
          </Link>
        ) : null}
      </div>
    );
  }
  const errors = form.fieldErrors;
  const field = (name: string, label: string, type = "text", autoComplete?: string) => (
    <Field label={label} htmlFor={`sign-up-${name}`}>
      <Input id={`sign-up-${name}`} name={name} type={type} autoComplete={autoComplete} required {...errorProps(`sign-up-${name}`, errors[name])} />
      <FieldError id={`sign-up-${name}`} message={errors[name]} />
    </Field>
  );
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <form onSubmit={form.onSubmit} className="space-y-4" data-testid="sign-up-form">
        <FormAlert state={form.outcome} />
        {field("organisation", t.organisation, "text", "organization")}
        {field("name", t.name, "text", "name")}
        {field("email", t.email, "email", "email")}
        {field("password", t.password, "password", "new-password")}
        {asksInviteCode ? field("inviteCode", t.inviteCode, "text", "off") : null}
        <Button type="submit" className="w-full" disabled={form.isPending}>
          {form.isPending ? t.submitting : t.submit}
        </Button>
      </form>
    </div>
  );
}
