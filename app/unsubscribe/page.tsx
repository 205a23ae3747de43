// The unsubscribe links of e-mails: a scheduled report's (`?token=`) and a person's anomaly e-mails
// (`?anomalies=`). Opened without signing in, the page says what it stops and asks before doing it
// (mail scanners open links; only the button's POST unsubscribes).
import { getDb } from "@/db/client";
import { findAnomalyMailTarget, type AnomalyMailTarget } from "@/lib/anomalies/mail-preference";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/format";
import { anomalyMessages, type AnomalyMessages } from "@/lib/i18n/anomaly-messages";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { scheduleMailMessages } from "@/lib/i18n/schedule-mail-messages";
import { findUnsubscribeTarget, type UnsubscribeTarget } from "@/lib/report-schedules/unsubscribe";
import { UnsubscribeButton } from "./unsubscribe-button";

export const generateMetadata = pageTitle("unsubscribe");
export const dynamic = "force-dynamic";

/** The link's target, or null for a damaged one (its error is the page's message, never a 500). */
async function found<T>(token: string | string[] | undefined, find: (token: string) => Promise<T>): Promise<T | null> {
  if (typeof token !== "string") return null;
  try {
    return await find(token);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; anomalies?: string | string[] }> }) {
  const { token, anomalies } = await searchParams;
  const locale = await resolveLocale();
  const t = scheduleMailMessages[locale];
  const db = await getDb();
  const body =
    anomalies !== undefined ? (
      <AnomalyMails token={anomalies as string} target={await found(anomalies, (value) => findAnomalyMailTarget(db, value))} t={anomalyMessages[locale].mail} />
    ) : (
      <ReportMails token={token as string} target={await found(token, (value) => findUnsubscribeTarget(db, value))} t={t} />
    );
  return (
    <main className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{t.unsubscribeTitle}</h1>
      {body}
    </main>
  );
}

function Invalid({ text }: { text: string }) {
  return (
    <p role="alert" className="text-sm text-red-700">
      {text}
    </p>
  );
}

function ReportMails({ token, target, t }: { token: string; target: UnsubscribeTarget | null; t: (typeof scheduleMailMessages)[Locale] }) {
  if (!target) return <Invalid text={t.invalid} />;
  const params = { name: target.scheduleName, email: target.email };
  if (target.isUnsubscribed) return <p className="break-words text-sm">{fill(t.unsubscribed, params)}</p>;
  return (
    <>
      <p className="break-words text-sm">{fill(t.unsubscribeAsk, params)}</p>
      <UnsubscribeButton action="/api/report-schedules/unsubscribe" token={token} label={t.unsubscribeButton} done={fill(t.unsubscribed, params)} failed={t.invalid} />
    </>
  );
}

function AnomalyMails({ token, target, t }: { token: string; target: AnomalyMailTarget | null; t: AnomalyMessages["mail"] }) {
  if (!target) return <Invalid text={t.invalid} />;
  const params = { email: target.email };
  if (!target.enabled) return <p className="break-words text-sm">{fill(t.stopped, params)}</p>;
  return (
    <>
      <p className="break-words text-sm">{fill(t.stopAsk, params)}</p>
      <UnsubscribeButton action="/api/anomalies/unsubscribe" token={token} label={t.stopButton} done={fill(t.stopped, params)} failed={t.invalid} />
    </>
  );
}
