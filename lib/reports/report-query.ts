// The query string of a report request, in one canonical form, so the server's first render and the
// client's cache agree on which params the server-rendered result belongs to.
// No runtime import from lib/reports/filters: it pulls the database code into the browser bundle.
import type { PeriodPreset } from "@/lib/reports/filters";

/** The filters that pick rows (beside the period): the filter bar's choices, the builder's `filters`. */
export const rowFilterKeys = ["pipelineId", "departmentId", "managerId", "sourceId"] as const;
export type RowFilterKey = (typeof rowFilterKeys)[number];
export const filterKeys = ["from", "to", "preset", ...rowFilterKeys] as const;
export type FilterKey = (typeof filterKeys)[number];

export const periodPresetOrder = ["this-week", "last-week", "this-month", "last-month", "this-quarter", "this-year", "last-12-months", "all-time"] as const satisfies readonly PeriodPreset[];

/** Only the filter params, without empty values, sorted by name: "managerId=…&preset=this-year". */
export function reportQueryString(params: URLSearchParams | Record<string, string | string[] | undefined>): string {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const picked = entries.filter((entry): entry is [FilterKey, string] => (filterKeys as readonly string[]).includes(entry[0]) && typeof entry[1] === "string" && entry[1] !== "");
  const unique = picked.filter(([key], index) => picked.findIndex(([other]) => other === key) === index);
  return new URLSearchParams(unique.sort(([a], [b]) => a.localeCompare(b))).toString();
}
