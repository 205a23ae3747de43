// The line above a list: what was clicked, in words («Выигранные · март 2025»), and the period.
// One for the deals and the leads lists; each works out its own parts.
import { formatDate, periodDates, type Locale } from "@/lib/format";

type Props = {
  kind: "deals" | "leads";
  parts: string[];
  /** What the list holds when nothing narrows it («Все сделки»). */
  allText: string;
  period: { from: string; to: string } | null;
  timezone: string;
  locale: Locale;
  t: { bucket: string; period: string };
};

export function ListSummary({ kind, parts, allText, period, timezone, locale, t }: Props) {
  const dates = period ? periodDates(period, timezone) : null;
  const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), "UTC", locale);
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm" data-testid={`${kind}-bucket`}>
      <span>
        <span className="text-slate-500">{t.bucket}: </span>
        {parts.length ? parts.join(" · ") : allText}
      </span>
      {dates ? (
        <span>
          <span className="text-slate-500">{t.period}: </span>
          {day(dates.from)} — {day(dates.to)}
        </span>
      ) : null}
    </p>
  );
}
