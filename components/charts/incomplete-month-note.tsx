// The line under a monthly chart that says its last month is still running ("* дек ’26 — месяц ещё
// идёт: данные по 6 дек 2026"); shown only when the chart holds the month of today.
import { formatDateRange, type Locale } from "@/lib/format";
import { monthOfToday, shortMonth } from "./chart-format";

type Props = { months: string[]; today: string | undefined; locale: Locale; text: string };

export function IncompleteMonthNote({ months, today, locale, text }: Props) {
  const month = monthOfToday(today);
  if (!today || !month || !months.includes(month)) return null;
  const [year, monthIndex, day] = today.split("-").map(Number);
  const from = new Date(Date.UTC(year, monthIndex - 1, day));
  const dayText = formatDateRange({ from, to: new Date(from.getTime() + 86_400_000) }, "UTC", locale);
  return (
    <p className="mt-2 text-xs text-slate-500" data-testid="incomplete-month-note">
      {text.replace("{month}", shortMonth(month, locale)).replace("{day}", dayText)}
    </p>
  );
}
