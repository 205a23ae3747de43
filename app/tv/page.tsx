// TV mode: the dashboards a display token names, full screen, one after another, no navigation,
// kept current by GET /api/live. The screen is "signed in" by the display token in its cookie (set
// by proxy.ts from /tv?token=…); the token reads with its maker's scope and can change nothing.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { BoardView } from "@/components/board/board-view";
import { LiveUpdates } from "@/components/live/live-updates";
import { boardLocale, loadBoard } from "@/lib/displays/board";
import { resolveDisplayToken } from "@/lib/displays/display-tokens";
import { DISPLAY_COOKIE } from "@/lib/displays/limits";
import { displayMessages } from "@/lib/i18n/display-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { TvRotation } from "./tv-rotation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "TV", robots: { index: false } };

export default async function TvPage() {
  const db = await getDb();
  const token = (await cookies()).get(DISPLAY_COOKIE)?.value;
  const display = token ? await resolveDisplayToken(db, token) : null;
  if (!display) {
    const t = displayMessages[await resolveLocale()].tv;
    return (
      <main data-testid="tv-invalid" className="flex min-h-screen items-center justify-center bg-slate-950 p-8 text-slate-100">
        <div className="max-w-2xl space-y-4 text-center">
          <h1 className="text-4xl font-bold">{t.invalidTitle}</h1>
          <p className="text-xl text-slate-400">{t.invalidBody}</p>
        </div>
      </main>
    );
  }
  const locale = boardLocale(display.viewer);
  const t = displayMessages[locale].tv;
  const boards = [];
  for (const dashboard of display.dashboards) boards.push(await loadBoard(db, display.viewer, dashboard, "", locale));
  return (
    <main data-testid="tv" className="min-h-screen bg-slate-950 p-8 text-slate-100">
      <LiveUpdates labels={t.live} refreshPage />
      <TvRotation seconds={display.rotateSeconds} slideOf={t.slideOf}>
        {boards.map((doc) => (
          <BoardView key={doc.slug} doc={doc} size="tv" />
        ))}
      </TvRotation>
    </main>
  );
}
