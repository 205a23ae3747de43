// The frame of every signed-in page: sidebar with the dashboards (Admin for admins only), the
// viewer's name and role, the language switch and sign-out.
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/sign-out";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/format";
import type { Messages } from "@/lib/i18n/messages";
import { LocaleSwitch } from "./locale-switch";
import { NavLink } from "./nav-link";

const dashboards = ["overview", "sales", "funnel", "managers", "leads", "traffic", "customers"] as const;
const hrefOf = (key: (typeof dashboards)[number]) => (key === "overview" ? "/" : `/${key}`);

export function AppShell({ viewer, locale, t, children }: { viewer: Viewer; locale: Locale; t: Messages; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="flex items-center gap-2 px-5 py-5">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 font-bold text-white">V</span>
          <span className="font-semibold">{t.appName}</span>
        </div>
        <nav className="flex-1 space-y-1 px-3" aria-label={t.nav.label}>
          {dashboards.filter((key) => key !== "customers" || can(viewer.role, "customers:read")).map((key) => (
            <NavLink key={key} href={hrefOf(key)}>
              {t.nav[key]}
            </NavLink>
          ))}
          <div className="my-3 border-t border-slate-100" />
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
      </aside>
      <main className="min-w-0 flex-1 p-8">{children}</main>
    </div>
  );
}
