// The unsubscribe link of a scheduled report's message: opened without signing in, it says what it
// stops and asks before doing it (mail scanners open links; only the button's POST unsubscribes).
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { scheduleMailMessages } from "@/lib/i18n/schedule-mail-messages";
import { findUnsubscribeTarget, type UnsubscribeTarget } from "@/lib/report-schedules/unsubscribe";
import { UnsubscribeButton } from "./unsubscribe-button";

export const generateMetadata = pageTitle("unsubscribe");
export const dynamic = "force-dynamic";

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const locale = await resolveLocale();
  const t = scheduleMailMessages[locale];
  let target: UnsubscribeTarget | null = null;
  try {
    target = typeof token === "string" ? await findUnsubscribeTarget(await getDb(), token) : null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  return (
    <main className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{t.unsubscribeTitle}</h1>
      {!target || typeof token !== "string" ? (
        <p role="alert" className="text-sm text-red-700">
          {t.invalid}
        </p>
      ) : target.isUnsubscribed ? (
        <p className="break-words text-sm">{fill(t.unsubscribed, { name: target.scheduleName, email: target.email })}</p>
      ) : (
        <>
          <p className="break-words text-sm">{fill(t.unsubscribeAsk, { name: target.scheduleName, email: target.email })}</p>
          <UnsubscribeButton token={token} label={t.unsubscribeButton} done={fill(t.unsubscribed, { name: target.scheduleName, email: target.email })} failed={t.invalid} />
        </>
      )}
    </main>
  );
}
