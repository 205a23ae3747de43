// When a schedule next sends: the first moment after `after` that matches its rule, at its local
// time in the organisation's time zone (daily; weekly on an ISO weekday; monthly on a day, which a
// shorter month moves to its last day). Client-safe: the form shows the next run too.
import { TZDate } from "@date-fns/tz";

export type ScheduleRule = { frequency: "daily" | "weekly" | "monthly"; weekday?: number | null; monthDay?: number | null; localTime: string };

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

function matches(rule: ScheduleRule, year: number, month: number, day: number): boolean {
  if (rule.frequency === "daily") return true;
  if (rule.frequency === "weekly") return ((new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7) + 1 === rule.weekday;
  return day === Math.min(rule.monthDay ?? 1, daysInMonth(year, month));
}

export function nextRunAfter(rule: ScheduleRule, timeZone: string, after: Date): Date {
  const [hours, minutes] = rule.localTime.split(":").map(Number);
  const local = new TZDate(after.getTime(), timeZone);
  // A month and a day cover every rule; the bound keeps a broken rule from looping for ever.
  for (let offset = 0; offset < 400; offset++) {
    const date = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
    if (!matches(rule, year, month, day)) continue;
    const at = new TZDate(year, month, day, hours, minutes, 0, timeZone);
    if (at.getTime() > after.getTime()) return new Date(at.getTime());
  }
  throw new Error(`No run within 400 days for ${JSON.stringify(rule)}`);
}
