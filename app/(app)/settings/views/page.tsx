// The person's saved views: their own and those shared with them — open, rename, pin, share,
// make default, delete (docs/api.md, "Saved views API").
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { savedViewsMessages } from "@/lib/i18n/saved-views-messages";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { SavedViewsList } from "./saved-views-list";

export const generateMetadata = pageTitle("savedViews");

export default async function SavedViewsPage() {
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  const t = savedViewsMessages[locale];
  const views = await listSavedViews(await getDb(), viewer);
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t.title}</h1>
        <p className="mt-1 text-sm text-slate-500">{t.intro}</p>
      </header>
      {views.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-500" data-testid="saved-views-empty">
          {t.empty}
        </p>
      ) : (
        <SavedViewsList views={views.map((view) => ({ ...view, createdAt: view.createdAt.toISOString(), updatedAt: view.updatedAt.toISOString() }))} role={viewer.role} locale={locale} />
      )}
    </div>
  );
}
