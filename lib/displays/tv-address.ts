// TV mode for a signed-in person: `?tv=1` on a dashboard opens the same dashboard with the same
// filters on the TV screen (/tv?dashboard=…), full screen, large figures, no navigation, in the
// person's own scope — no display token needed. A display token's screen rotates the dashboards it
// names instead (docs/tv-and-embed.md). Client-safe.
export const TV_DASHBOARD_PARAM = "dashboard";

/** "/tv?dashboard=sales&preset=this-month" for a dashboard and its canonical filter query. */
export function tvAddress(dashboard: string, query: string): string {
  const params = new URLSearchParams(query);
  params.delete(TV_DASHBOARD_PARAM);
  const rest = params.toString();
  return `/tv?${TV_DASHBOARD_PARAM}=${encodeURIComponent(dashboard)}${rest ? `&${rest}` : ""}`;
}
