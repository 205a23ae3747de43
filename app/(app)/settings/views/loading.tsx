import { getViewer } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/locale";
import { savedViewsMessages } from "@/lib/i18n/saved-views-messages";

export default async function Loading() {
  const t = savedViewsMessages[await resolveLocale(await getViewer())];
  return (
    <div className="max-w-3xl space-y-3" aria-busy="true">
      <p className="text-sm text-slate-500">{t.loading}</p>
      <div className="h-24 animate-pulse rounded-xl bg-slate-100" />
      <div className="h-24 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
