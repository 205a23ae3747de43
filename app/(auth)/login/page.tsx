import Link from "next/link";
import { redirect } from "next/navigation";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isErrorCode } from "@/lib/error-codes";
import { hostedMessages } from "@/lib/i18n/hosted-messages";
import { getMessages } from "@/lib/i18n/locale";
import { LoginForm } from "./login-form";
import { SupabaseLoginForm } from "./supabase-login-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("signIn");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await getViewer()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const { locale, t } = await getMessages();
  return (
    // Anchored at the top (where a centred column would start) rather than centred: an error appearing under
    // the card would otherwise re-centre the column and move the card and its button away from the pointer.
    <main className="flex min-h-screen justify-center px-4 pb-8 pt-[max(2rem,calc(50vh-14rem))]">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-brand-600 text-xl font-bold text-white">V</div>
          <h1 className="text-xl font-semibold">{t.login.title}</h1>
          <p className="mt-1 text-sm text-slate-500">{t.login.subtitle}</p>
        </div>
        {env.AUTH_PROVIDER === "supabase" ? (
          // A refusal the magic link's callback sent back, by its code: only codes Voronka knows are shown.
          <SupabaseLoginForm t={t.login} locale={locale} callbackUrl={callbackUrl ?? "/"} initialError={error && isErrorCode(error) ? error : undefined} />
        ) : (
          <LoginForm t={t.login} callbackUrl={callbackUrl ?? "/"} />
        )}
        {env.MULTI_ORG ? (
          <p className="text-center text-sm text-slate-600">
            {hostedMessages[locale].signUp.noAccount}{" "}
            <Link href="/sign-up" className="text-brand-700 underline">
              {hostedMessages[locale].signUp.createOrganisation}
            </Link>
          </p>
        ) : null}
        <div className="flex justify-center">
          <LocaleSwitch current={locale} />
        </div>
      </div>
    </main>
  );
}
