// Months are cut in the organisation's time zone, whatever zone the CRM wrote.
import { TZDate } from "@date-fns/tz";
import { addMonths, startOfMonth } from "date-fns";

export type Period = { from: Date; to: Date };

/** The month containing `now` in `timeZone`, shifted by `offset` months: [from, to) as instants. */
export function monthPeriod(now: Date, timeZone: string, offset = 0): Period {
  const start = startOfMonth(addMonths(new TZDate(now.getTime(), timeZone), offset));
  const end = addMonths(start, 1);
  return { from: new Date(start.getTime()), to: new Date(end.getTime()) };
}
