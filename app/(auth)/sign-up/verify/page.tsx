// The confirmation link of a sign-up. Opening it changes nothing (mail scanners open links): the
// button posts the token to POST /api/sign-up/verify.
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { env } from "@/lib/env";
import { hostedMessages } from "@/lib/i18n/hosted-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { AuthCard } from "../auth-card";
import { VerifyButton } from "./verify-button";

export default async function VerifySignUpPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  if (!env.MULTI_ORG) notFound();
  const { token } = await searchParams;
  const locale = await resolveLocale();
  const t = hostedMessages[locale].verify;
  return (
    <AuthCard title={t.title} subtitle={token ? t.intro : undefined}>
      {token ? <VerifyButton token={token} t={t} signIn={hostedMessages[locale].signUp.signIn} locale={locale} /> : <Alert tone="error">{t.missing}</Alert>}
    </AuthCard>
  );
}
