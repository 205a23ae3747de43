// "синхронизировано 4 мин назад" / "synced 4 minutes ago" for a source's last successful sync.
import { formatPlural, type Locale } from "@/lib/format";
import { fill as fillText } from "@/lib/i18n/fill";
import { sourcesMessages } from "@/lib/i18n/sources-messages";

export function freshnessText(lastSyncedAt: string | null, now: Date, locale: Locale): string {
  const t = sourcesMessages[locale].freshness;
  if (!lastSyncedAt) return t.never;
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(lastSyncedAt)) / 60_000));
  if (minutes < 1) return t.justNow;
  if (minutes < 60) return fillText(t.minutesAgo, { n: minutes, minutes: formatPlural(minutes, t.minutes, locale) });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return fillText(t.hoursAgo, { n: hours, hours: formatPlural(hours, t.hours, locale) });
  const days = Math.floor(hours / 24);
  return fillText(t.daysAgo, { n: days, days: formatPlural(days, t.days, locale) });
}
