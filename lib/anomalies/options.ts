// How each kind of series is judged (lib/anomalies/detect.ts). Counts (leads, activities, webhooks)
// use the defaults: a Poisson floor under the spread and a minimum of 5 a day. Won revenue is money:
// a day's sum swings with the size of one deal, so its spread is never under half the expected value
// and only a run far outside it counts; docs/anomalies.md gives the figures measured on the demo.
import type { AnomalySeriesType } from "@/db/schema";
import type { DetectOptions } from "./detect";

export const DETECT_OPTIONS: Record<AnomalySeriesType, DetectOptions> = {
  leads_source: {},
  leads_utm: {},
  won_revenue: { minVolume: 1, floor: (expected) => Math.max(0.3 * expected, 1), directions: [], week: { threshold: 3 } },
  // a manager who stops working needs attention; a busy day does not (and the season's rise would alarm every manager)
  activities: { directions: ["drop"] },
  calls: { directions: ["drop"] },
  // an outage is what matters; a burst is a bulk edit in the CRM
  webhooks: { directions: ["drop"] },
};

/** Same-weekday history the baseline reads (8 weeks) plus the 7-day window: the days loaded before the first judged day. */
export const HISTORY_DAYS = 8 * 7 + 7;
