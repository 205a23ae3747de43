// A dashboard (or, for an embed, a saved built report) for a screen without the app (TV mode, an
// embed): the same document its export builds (lib/export/export-document.ts), in the maker's scope, so a TV never disagrees with
// the page or its PDF. Filters the maker may no longer use are dropped, as for a saved view.
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { buildDashboardDocument, buildViewDocument, type DashboardName } from "@/lib/export/export-document";
import type { ExportDocument } from "@/lib/export/model";
import type { Locale } from "@/lib/format";
import type { SavedViewKind } from "@/lib/saved-views/dashboards";
import { narrowToScope } from "@/lib/saved-views/open";

/** `dashboard`: what a token, a link or a saved view names, or any dashboard for a person's own `?tv=1`. */
export async function loadBoard(db: Db, viewer: Viewer, dashboard: SavedViewKind | DashboardName, query: string, locale: Locale, now = new Date()): Promise<ExportDocument> {
  const { params } = await narrowToScope(db, viewer, query);
  const input = { db, viewer, params, locale, now };
  return dashboard === "builder" ? buildViewDocument(input, dashboard) : buildDashboardDocument(input, dashboard);
}

/** A screen's language: its maker's, else the organisation's (a TV has no language switch). */
export function boardLocale(viewer: Pick<Viewer, "locale" | "org">): Locale {
  return viewer.locale ?? viewer.org.locale;
}
