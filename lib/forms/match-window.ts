// How far apart in time a site form submission and a CRM lead may be and still be one person's
// request: per form source (`settings.matchWindowDays`), within these bounds. No database imports:
// the admin page and the request schema read it too.
export const MATCH_WINDOW_DAYS = 14;
export const MATCH_WINDOW_MIN_DAYS = 1;
export const MATCH_WINDOW_MAX_DAYS = 90;

/** The form source's window in days, as stored (validated on the way in), or the default. */
export function matchWindowOf(settings: Record<string, unknown>): number {
  const days = settings.matchWindowDays;
  return typeof days === "number" && Number.isInteger(days) && days >= MATCH_WINDOW_MIN_DAYS && days <= MATCH_WINDOW_MAX_DAYS ? days : MATCH_WINDOW_DAYS;
}
