// What only the Leads dashboard needs: days with their plural, and gap months filled with zeros.
import { formatPlural, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

/** 4.5 → "4,5 дня", 1 → "1 день", 5 → "5 дней" / "4.5 days"; null (none converted) → "—". */
export function formatDays(days: number | null, locale: Locale, forms: DashboardMessages["leads"]["days"]): string {
  return days === null ? "—" : formatPlural(days, forms, locale);
}

/** The report's months from the first to the last, with the months that had no leads as zeros. */
export function fillMonths<R extends { month: string }>(rows: R[], empty: (month: string) => R): R[] {
  if (rows.length === 0) return rows;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const [firstYear, firstMonth] = rows[0].month.split("-").map(Number);
  const last = rows[rows.length - 1].month;
  const filled: R[] = [];
  for (let index = firstYear * 12 + firstMonth - 1; ; index++) {
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    filled.push(byMonth.get(month) ?? empty(month));
    if (month >= last) return filled;
  }
}
