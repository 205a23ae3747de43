// Where a click on a lead figure leads: the lead list with the dashboard's filters plus the bucket
// that was clicked, all in the URL so the list can be shared as a link.
// No runtime import from lib/leads: it pulls the database code into the browser bundle.
import type { LeadListFilters } from "@/lib/leads/lead-list";

/** The bucket params of GET /api/leads (docs/api.md): which leads a row, a month or a card counted. */
export type LeadBucket = Partial<
  Pick<LeadListFilters, "status" | "channel" | "utmSource" | "utmCampaign" | "tagCase" | "matched" | "form" | "notSet" | "teamId" | "periodOn" | "month" | "managerId">
>;

export const leadBucketKeys = ["status", "channel", "utmSource", "utmCampaign", "tagCase", "matched", "form", "notSet", "teamId", "periodOn", "month"] as const;

/**
 * "/leads/list?…": the dashboard's filter query (from reportQueryString) with the bucket on top.
 * `periodOn=created` cuts the list by the dashboard's period even when it is the default one.
 */
export function leadsHref(filterQuery: string, bucket: LeadBucket): string {
  const params = new URLSearchParams(filterQuery);
  params.set("periodOn", "created");
  for (const [key, value] of Object.entries(bucket)) if (value) params.set(key, value);
  return `/leads/list?${params.toString()}`;
}

/** A breakdown row's bucket: its value, or the "not set" row (null). */
export function valueBucket(key: "channel" | "utmSource" | "utmCampaign" | "form", value: string | null): LeadBucket {
  return value === null ? { notSet: key } : { [key]: value };
}

/**
 * A Traffic breakdown row's bucket, for the leads and the deals lists alike: the team ("none":
 * Unattributed) and the row's tag in any case (the dashboard folds case), or the row without the tag.
 */
export function trafficTagBucket(teamId: string | null, key: "utmSource" | "utmCampaign", value: string | null) {
  const team = { teamId: teamId ?? "none" };
  return value === null ? { ...team, notSet: key } : { ...team, [key]: value, tagCase: "any" as const };
}
