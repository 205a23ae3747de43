// The dashboards a view can be saved from, and where each one lives. Client-safe: the filter bar
// names the dashboard it is on, the sidebar builds links.

export const SAVED_VIEW_DASHBOARDS = ["overview", "sales", "funnel", "managers", "leads", "traffic"] as const;
export type SavedViewDashboard = (typeof SAVED_VIEW_DASHBOARDS)[number];

/** What a saved view opens: a dashboard with its filters, or the report builder with a built report's whole body. */
export const SAVED_VIEW_KINDS = [...SAVED_VIEW_DASHBOARDS, "builder"] as const;
export type SavedViewKind = (typeof SAVED_VIEW_KINDS)[number];

/** The Overview has its own address beside `/`: `/` sends a person with a default view to that view. */
const paths: Record<SavedViewKind, string> = {
  overview: "/overview",
  sales: "/sales",
  funnel: "/funnel",
  managers: "/managers",
  leads: "/leads",
  traffic: "/traffic",
  builder: "/builder",
};

export function dashboardPath(dashboard: SavedViewKind): string {
  return paths[dashboard];
}

/** "/sales?managerId=…&preset=this-year" for a dashboard and a canonical filter query (the builder: a built report's address). */
export function dashboardHref(dashboard: SavedViewKind, query: string): string {
  return query ? `${paths[dashboard]}?${query}` : paths[dashboard];
}

/** The dashboard shown at a path ("/" is the Overview), or null on a page that is not one. */
export function dashboardAt(pathname: string): SavedViewDashboard | null {
  if (pathname === "/") return "overview";
  const found = SAVED_VIEW_DASHBOARDS.find((dashboard) => paths[dashboard] === pathname);
  return found ?? null;
}
