// A saved view's filters that did not apply to the person opening it, as the dashboard's URL names
// them (client-safe: the filter bar clears the note when a filter changes).

/** Filters that can lie outside a scope; the others (period, pipeline, source) mean the same to everyone. */
export const SCOPED_FILTERS = ["departmentId", "managerId"] as const;
export type ScopedFilter = (typeof SCOPED_FILTERS)[number];

/** The dashboard's URL parameter that tells the page which of the view's filters were dropped, so it can say so. */
export const DROPPED_PARAM = "dropped";

/** The dropped filters a dashboard URL names, ignoring anything else written there. */
export function droppedFiltersIn(value: string | string[] | undefined): ScopedFilter[] {
  const names = (Array.isArray(value) ? value.join(",") : (value ?? "")).split(",");
  return SCOPED_FILTERS.filter((key) => names.includes(key));
}
