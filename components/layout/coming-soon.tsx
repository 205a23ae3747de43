import { requireViewer } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

/** The honest empty state of a dashboard that has not been built yet. */
export async function ComingSoon({ page }: { page: keyof Messages["nav"] }) {
  const { t } = await getMessages(await requireViewer());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t.nav[page]}</h1>
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <p className="font-medium">{t.comingSoon.title}</p>
        <p className="mt-1 text-sm text-slate-500">{t.comingSoon.body}</p>
      </div>
    </div>
  );
}
