import { redirect } from "next/navigation";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { getViewer } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import { LoginForm } from "./login-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("signIn");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getViewer()) redirect("/");
  const { callbackUrl } = await searchParams;
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
        <LoginForm t={t.login} callbackUrl={callbackUrl ?? "/"} />
        <div className="flex justify-center">
          <LocaleSwitch current={locale} />
        </div>
      </div>
    </main>
  );
}
