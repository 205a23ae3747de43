// A dashboard for a screen without the app (TV mode, an embed): the same document the dashboard's
// export builds (lib/export/export-document.ts), in the maker's scope, so a TV never disagrees with
// the page or its PDF. Filters the maker may no longer use are dropped, as for a saved view.
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { buildDashboardDocument } from "@/lib/export/export-document";
import type { ExportDocument } from "@/lib/export/model";
import type { Locale } from "@/lib/format";
import type { SavedViewDashboard } from "@/lib/saved-views/dashboards";
import { narrowToScope } from "@/lib/saved-views/open";

export async function loadBoard(db: Db, viewer: Viewer, dashboard: SavedViewDashboard, query: string, locale: Locale, now = new Date()): Promise<ExportDocument> {
  const { params } = await narrowToScope(db, viewer, query);
  return buildDashboardDocument({ db, viewer, params, locale, now }, dashboard);
}

/** A screen's language: its maker's, else the organisation's (a TV has no language switch). */
export function boardLocale(viewer: Pick<Viewer, "locale" | "org">): Locale {
  return viewer.locale ?? viewer.org.locale;
}
