import Link from "next/link";
import { getViewer } from "@/lib/auth/session";
import { dealCardMessages } from "@/lib/i18n/deal-card-messages";
import { getMessages } from "@/lib/i18n/locale";

// A deal that does not exist, was deleted, or is outside the viewer's scope: one answer for all three.
export default async function DealNotFound() {
  const { locale } = await getMessages(await getViewer());
  const t = dealCardMessages[locale];
  return (
    <div className="max-w-xl space-y-3" data-testid="deal-not-found">
      <h1 className="text-2xl font-semibold">{t.notFoundTitle}</h1>
      <p className="text-sm text-slate-500">{t.notFoundBody}</p>
      <Link href="/deals" className="inline-flex text-sm font-medium text-brand-600 hover:underline">
        {t.back}
      </Link>
    </div>
  );
}
