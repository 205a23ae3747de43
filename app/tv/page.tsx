// TV mode: dashboards full screen, large figures, no navigation, kept current by GET /api/live.
// - A screen "signed in" by a display token in its cookie (set by proxy.ts from /tv?token=…) shows
//   the dashboards the token names, one after another, with its maker's scope, changing nothing.
// - A signed-in person who added `?tv=1` to a dashboard comes here as /tv?dashboard=…&<filters>
//   (components/dashboard/dashboard-page.tsx) and sees that dashboard in their own scope.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { BoardView } from "@/components/board/board-view";
import { LiveUpdates } from "@/components/live/live-updates";
import { getViewer } from "@/lib/auth/session";
import { boardLocale, loadBoard } from "@/lib/displays/board";
import { resolveDisplayToken } from "@/lib/displays/display-tokens";
import { DISPLAY_COOKIE } from "@/lib/displays/limits";
import { TV_DASHBOARD_PARAM } from "@/lib/displays/tv-address";
import { isDashboardName } from "@/lib/export/export-document";
import { displayMessages } from "@/lib/i18n/display-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { reportQueryString } from "@/lib/reports/report-query";
import { TvRotation } from "./tv-rotation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "TV", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TvPage({ searchParams }: { searchParams: SearchParams }) {
  const db = await getDb();
  const token = (await cookies()).get(DISPLAY_COOKIE)?.value;
  const display = token ? await resolveDisplayToken(db, token) : null;
  if (display) {
    const locale = boardLocale(display.viewer);
    const boards = [];
    for (const dashboard of display.dashboards) boards.push(await loadBoard(db, display.viewer, dashboard, "", locale));
    return <Screen boards={boards} rotateSeconds={display.rotateSeconds} t={displayMessages[locale].tv} />;
  }
  const params = await searchParams;
  const asked = params[TV_DASHBOARD_PARAM];
  const dashboard = typeof asked === "string" && isDashboardName(asked) ? asked : null;
  const viewer = dashboard ? await getViewer() : null;
  if (viewer && dashboard) {
    const locale = await resolveLocale(viewer);
    const board = await loadBoard(db, viewer, dashboard, reportQueryString(params), locale);
    return <Screen boards={[board]} rotateSeconds={0} t={displayMessages[locale].tv} />;
  }
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

type Board = Awaited<ReturnType<typeof loadBoard>>;

function Screen({ boards, rotateSeconds, t }: { boards: Board[]; rotateSeconds: number; t: (typeof displayMessages)[keyof typeof displayMessages]["tv"] }) {
  return (
    <main data-testid="tv" className="min-h-screen bg-slate-950 p-8 text-slate-100">
      <LiveUpdates labels={t.live} refreshPage />
      <TvRotation seconds={rotateSeconds} slideOf={t.slideOf}>
        {boards.map((doc) => (
          <BoardView key={doc.slug} doc={doc} size="tv" />
        ))}
      </TvRotation>
    </main>
  );
}
