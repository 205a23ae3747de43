// The frame of every signed-in page: sidebar with the dashboards (Admin for admins only), the
// viewer's name and role, the language switch and sign-out; a header with the search box above the
// page. On a phone the sidebar is a drawer behind a top bar's menu button (NavDrawer). The first Tab stop is a skip link past the menu to
// <main>, which takes focus (tabIndex -1) so the next Tab continues inside the content.
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/sign-out";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import { dashboardPath } from "@/lib/saved-views/dashboards";
import type { SavedView } from "@/lib/saved-views/saved-views";
import { LocaleSwitch } from "./locale-switch";
import { NavDrawer } from "./nav-drawer";
import { NavLink } from "./nav-link";
import { PinnedViewLink } from "./pinned-view-link";
import { SearchBox } from "./search-box";

const dashboards = ["overview", "sales", "funnel", "managers", "leads", "traffic", "forecast", "conversations", "customers"] as const;

type Props = { viewer: Viewer; locale: Locale; t: Messages; pinnedViews: SavedView[]; hasDefaultView: boolean; children: ReactNode };

export function AppShell({ viewer, locale, t, pinnedViews, hasDefaultView, children }: Props) {
  // With a default view, `/` lands there; the Overview then keeps its own address.
  const hrefOf = (key: (typeof dashboards)[number]) => (key === "overview" ? (hasDefaultView ? "/overview" : "/") : `/${key}`);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg"
      >
        {t.skipToContent}
      </a>
      <NavDrawer
        menuLabel={t.menu}
        brand={
          <span className="flex items-center gap-2">
            <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 font-bold text-white">V</span>
            <span className="font-semibold">{t.appName}</span>
          </span>
        }
      >
        <nav className="flex-1 space-y-1 px-3" aria-label={t.nav.label}>
          {dashboards.filter((key) => key !== "customers" || can(viewer.role, "customers:read")).map((key) => (
            <NavLink key={key} href={hrefOf(key)}>
              {t.nav[key]}
            </NavLink>
          ))}
          {pinnedViews.length ? (
            <section aria-labelledby="pinned-views-heading" className="pt-3" data-testid="pinned-views">
              <h2 id="pinned-views-heading" className="px-3 pb-1 text-xs font-medium uppercase tracking-wide text-slate-400">
                {t.nav.pinned}
              </h2>
              {pinnedViews.map((view) => (
                <PinnedViewLink key={view.id} id={view.id} name={view.name} dashboardPath={dashboardPath(view.dashboard)} query={view.query} />
              ))}
            </section>
          ) : null}
          <div className="my-3 border-t border-slate-100" />
          <NavLink href="/builder">{t.nav.builder}</NavLink>
          {can(viewer.role, "plans:manage") ? <NavLink href="/plans">{t.nav.plans}</NavLink> : null}
          {can(viewer.role, "schedules:manage") ? <NavLink href="/schedules">{t.nav.schedules}</NavLink> : null}
          <NavLink href="/settings/views">{t.nav.savedViews}</NavLink>
          <NavLink href="/settings/tokens">{t.nav.tokens}</NavLink>
          {can(viewer.role, "users:manage") ? <NavLink href="/admin">{t.nav.admin}</NavLink> : null}
        </nav>
        <div className="space-y-3 border-t border-slate-200 p-4">
          <div data-testid="viewer">
            <p className="truncate text-sm font-medium" data-testid="viewer-name">
              {viewer.name}
            </p>
            <p className="text-xs text-slate-500" data-testid="viewer-role">
              {t.roles[viewer.role]} · {viewer.org.name}
            </p>
          </div>
          <div className="flex items-center justify-between">
            <LocaleSwitch current={locale} />
            <form action={signOutAction}>
              <button type="submit" className="text-xs text-slate-500 hover:text-slate-800">
                {t.signOut}
              </button>
            </form>
          </div>
        </div>
      </NavDrawer>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="border-b border-slate-200 bg-white px-4 py-2 md:px-8">
          <SearchBox locale={locale} />
        </header>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 focus:outline-none md:p-8">{children}</main>
      </div>
    </div>
  );
}
