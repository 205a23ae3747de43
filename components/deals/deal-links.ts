// Where a click on a dashboard figure leads: the deals list with the dashboard's filters plus the
// bucket that was clicked, all in the URL so the list can be shared as a link.
// No runtime import from lib/deals: it pulls the database code into the browser bundle.
import type { DealListFilters } from "@/lib/deals/deal-list";

/** The bucket params of GET /api/deals (docs/api.md): which deals a bar, stage or card counted. */
export type DealBucket = Partial<Pick<DealListFilters, "status" | "periodOn" | "month" | "stageId" | "reachedStageId" | "managerId" | "pipelineId">>;

export const bucketKeys = ["status", "periodOn", "month", "stageId", "reachedStageId"] as const;
export const sortKeys = ["sort", "order"] as const;
/** The deal patterns' filters of the list (docs/deal-card.md): open deals with no touch for N days. */
export const patternKeys = ["noTouchDays"] as const;
/** The usual "forgotten deals" threshold the list offers with one click. */
export const NO_TOUCH_DAYS = 14;

/** "/deals?…": the dashboard's filter query (from reportQueryString) with the bucket on top. */
export function dealsHref(filterQuery: string, bucket: DealBucket): string {
  const params = new URLSearchParams(filterQuery);
  for (const [key, value] of Object.entries(bucket)) if (value) params.set(key, value);
  return `/deals?${params.toString()}`;
}

/** The won deals behind a revenue figure: counted by their close moment. */
export const wonBucket = { status: "won", periodOn: "closed" } as const satisfies DealBucket;
