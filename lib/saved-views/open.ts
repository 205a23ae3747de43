// Opening a saved view: its dashboard with its filters, narrowed to the viewer's own scope. A view
// stores filters, never rows: a manager opening their director's department view sees their own
// deals, and a filter naming someone outside their scope is dropped rather than refused.
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import { ForbiddenError } from "@/lib/errors";
import { assertFiltersInScope, parseReportFilters } from "@/lib/reports/filters";
import { reportQueryString } from "@/lib/reports/report-query";
import { dashboardHref } from "./dashboards";
import { DROPPED_PARAM, SCOPED_FILTERS, type ScopedFilter } from "./dropped-filters";
import { findDefaultView, getSavedView, type Reader, type SavedView } from "./saved-views";

export type OpenedView = { view: SavedView; href: string; droppedFilters: ScopedFilter[] };

/** Where a person lands when opening the view: its dashboard, plus a note of what was dropped. */
export function landingHref(opened: OpenedView): string {
  if (opened.droppedFilters.length === 0) return opened.href;
  return `${opened.href}${opened.href.includes("?") ? "&" : "?"}${DROPPED_PARAM}=${opened.droppedFilters.join(",")}`;
}

export async function openSavedView(db: Db, reader: Reader, id: string): Promise<OpenedView> {
  return openView(db, reader, await getSavedView(db, reader, id));
}

/** Where `/` sends a person with a default view; null without one. */
export async function defaultViewHref(db: Db, reader: Reader): Promise<string | null> {
  const view = await findDefaultView(db, reader);
  return view ? landingHref(await openView(db, reader, view)) : null;
}

async function openView(db: Db, reader: Reader, view: SavedView): Promise<OpenedView> {
  const { params, droppedFilters } = await narrowToScope(db, reader, view.query);
  // A built report keeps its whole address (measures, dimensions, sort…); a dashboard its filters alone.
  const query = view.dashboard === "builder" ? params.toString() : reportQueryString(params);
  return { view, href: dashboardHref(view.dashboard, query), droppedFilters };
}

/**
 * A stored filter query as `reader` may run it: each scoped filter outside their scope dropped (and
 * named). Saved views and scheduled reports (each recipient's own numbers) both go through here; a
 * built report's address names its filters as the dashboards do, so it is narrowed the same way.
 */
export async function narrowToScope(db: Db, reader: Reader, query: string): Promise<{ params: URLSearchParams; droppedFilters: ScopedFilter[] }> {
  const params = new URLSearchParams(query);
  const filters = parseReportFilters(params);
  const scope = scopeOf(reader);
  const droppedFilters: ScopedFilter[] = [];
  // The reports' own scope check, one filter at a time, so the rule lives in one place.
  for (const key of SCOPED_FILTERS) {
    if (!filters[key]) continue;
    try {
      await assertFiltersInScope(db, scope, { [key]: filters[key] });
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      params.delete(key);
      droppedFilters.push(key);
    }
  }
  return { params, droppedFilters };
}
