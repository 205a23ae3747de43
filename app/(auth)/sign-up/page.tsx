// Hosted mode's public sign-up (docs/hosted.md); absent with MULTI_ORG off.
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { hostedMessages } from "@/lib/i18n/hosted-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { AuthCard } from "./auth-card";
import { SignUpForm } from "./sign-up-form";

export default async function SignUpPage() {
  if (!env.MULTI_ORG) notFound();
  if (await getViewer()) redirect("/");
  const locale = await resolveLocale();
  const t = hostedMessages[locale].signUp;
  return (
    <AuthCard title={t.title} subtitle={t.subtitle}>
      <SignUpForm t={t} locale={locale} asksInviteCode={Boolean(env.SIGNUP_INVITE_CODE)} />
      <p className="text-center text-sm text-slate-600">
        {t.haveAccount}{" "}
        <Link href="/login" className="text-brand-700 underline">
          {t.signIn}
        </Link>
      </p>
      <div className="flex justify-center">
        <LocaleSwitch current={locale} />
      </div>
    </AuthCard>
  );
}
