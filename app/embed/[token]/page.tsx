// An embedded dashboard: one dashboard in its link maker's scope, without the app's shell, for a
// widget inside the CRM. proxy.ts has checked the address and set who may frame it; the check is
// repeated here because the link may be revoked between the two.
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { BoardView } from "@/components/board/board-view";
import { formatDate } from "@/lib/format";
import { boardLocale, loadBoard } from "@/lib/displays/board";
import { resolveEmbedLink } from "@/lib/displays/embed-links";
import { displayMessages } from "@/lib/i18n/display-messages";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Voronka", robots: { index: false } };

export default async function EmbedPage({ params }: { params: Promise<{ token: string }> }) {
  const db = await getDb();
  const link = await resolveEmbedLink(db, (await params).token);
  if (!link) {
    const t = displayMessages[await resolveLocale()].embed;
    return (
      <main data-testid="embed-invalid" className="p-6">
        <h1 className="text-xl font-semibold">{t.invalidTitle}</h1>
        <p className="text-slate-600">{t.invalidBody}</p>
      </main>
    );
  }
  const locale = boardLocale(link.viewer);
  const doc = await loadBoard(db, link.viewer, link.dashboard, link.query, locale);
  return (
    <main data-testid="embed" className="bg-slate-50 p-4">
      <BoardView doc={doc} size="embed" />
      <p className="mt-4 text-xs text-slate-400">{fill(displayMessages[locale].embed.until, { date: formatDate(link.expiresAt, link.viewer.org.timezone, locale) })}</p>
    </main>
  );
}
