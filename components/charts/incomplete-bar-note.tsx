// The line under a chart whose bars are days or weeks, when it holds the bar still running: the day
// or week of today is starred on the axis and this says what the star means (the monthly charts
// have IncompleteMonthNote).
import { formatDate, type Locale } from "@/lib/format";
import { bucketKeyOf } from "@/lib/time/buckets";

type Props = { bucket: "day" | "week"; keys: string[]; today: string | undefined; locale: Locale; texts: { incompleteDay: string; incompleteWeek: string } };

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

export function IncompleteBarNote({ bucket, keys, today, locale, texts }: Props) {
  if (!today) return null;
  const key = bucketKeyOf(today, bucket);
  if (!keys.includes(key)) return null;
  const todayText = formatDate(utcDay(today), "UTC", locale);
  const text = bucket === "day" ? texts.incompleteDay.replace("{day}", todayText) : texts.incompleteWeek.replace("{week}", formatDate(utcDay(key), "UTC", locale)).replace("{day}", todayText);
  return (
    <p className="mt-2 text-xs text-slate-500" data-testid="incomplete-bar-note">
      {text}
    </p>
  );
}
