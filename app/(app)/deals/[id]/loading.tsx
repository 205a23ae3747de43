import { getViewer } from "@/lib/auth/session";
import { dealCardMessages } from "@/lib/i18n/deal-card-messages";
import { getMessages } from "@/lib/i18n/locale";

// While the card's queries run: its frame, busy, so a screen reader and the page walks know.
export default async function DealLoading() {
  const { locale } = await getMessages(await getViewer());
  return (
    <div className="space-y-4" aria-busy="true" data-testid="deal-loading">
      <p className="text-sm text-slate-500">{dealCardMessages[locale].loading}</p>
      <div className="h-24 animate-pulse rounded-xl bg-slate-100" />
      <div className="h-64 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
