// Where a click on a dashboard figure leads: the deals list with the dashboard's filters plus the
// bucket that was clicked, all in the URL so the list can be shared as a link.
// No runtime import from lib/deals: it pulls the database code into the browser bundle.
import { reportQueryString } from "@/lib/reports/report-query";
import type { DealListFilters } from "@/lib/deals/deal-list";

/** The bucket params of GET /api/deals (docs/api.md): which deals a bar, stage or card counted. */
export type DealBucket = Partial<
  Pick<DealListFilters, "status" | "periodOn" | "month" | "from" | "to" | "stageId" | "reachedStageId" | "managerId" | "pipelineId" | "teamId" | "utmSource" | "utmCampaign" | "notSet" | "tagCase">
>;

export const bucketKeys = ["status", "periodOn", "month", "stageId", "reachedStageId", "teamId", "utmSource", "utmCampaign", "notSet", "tagCase"] as const;
export const sortKeys = ["sort", "order"] as const;
/** The deal patterns' filters of the list (docs/deal-card.md): open deals with no touch for N days. */
export const patternKeys = ["noTouchDays"] as const;
/** The usual "forgotten deals" threshold the list offers with one click. */
export const NO_TOUCH_DAYS = 14;

/** The dashboards a figure of which opens the deals list, and where each lives. */
// The Overview by its own address: "/" opens a person's default saved view when they have one.
const dashboardPaths = { overview: "/overview", sales: "/sales", funnel: "/funnel", managers: "/managers", traffic: "/traffic" } as const;
export type DealsOrigin = keyof typeof dashboardPaths;

/**
 * "/deals?…": the dashboard's filter query (from reportQueryString) with the bucket on top, and the
 * way back: `dashboard` names it (not `from`, the period's first day) and `back` keeps its filters as
 * they were — a bucket may set a filter key (the Managers bar's managerId) the dashboard did not have.
 */
export function dealsHref(dashboard: DealsOrigin, filterQuery: string, bucket: DealBucket): string {
  const params = new URLSearchParams(filterQuery);
  for (const [key, value] of Object.entries(bucket)) if (value) params.set(key, value);
  params.set("dashboard", dashboard);
  if (filterQuery) params.set("back", filterQuery);
  return `/deals?${params.toString()}`;
}

/** The dashboard a list was opened from, with its filters; null for a list opened another way. */
export function dashboardBackLink(params: URLSearchParams): { dashboard: DealsOrigin; href: string } | null {
  const dashboard = params.get("dashboard");
  if (!dashboard || !Object.hasOwn(dashboardPaths, dashboard)) return null;
  // Only filter keys pass, so a hand-made `back` cannot carry anything else.
  const query = reportQueryString(new URLSearchParams(params.get("back") ?? ""));
  const path = dashboardPaths[dashboard as DealsOrigin];
  return { dashboard: dashboard as DealsOrigin, href: query ? `${path}?${query}` : path };
}

/** The won deals behind a revenue figure: counted by their close moment. */
export const wonBucket = { status: "won", periodOn: "closed" } as const satisfies DealBucket;
