import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { LiveUpdates } from "@/components/live/live-updates";
import { requireViewer } from "@/lib/auth/session";
import { getDb } from "@/db/client";
import { getMessages } from "@/lib/i18n/locale";
import { listSavedViews } from "@/lib/saved-views/saved-views";

// Every page here reads the database per request; none may be prerendered at build time.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const [{ locale, t }, views] = await Promise.all([getMessages(viewer), listSavedViews(await getDb(), viewer)]);
  return (
    <AppShell viewer={viewer} locale={locale} t={t} pinnedViews={views.filter((view) => view.isPinned)} hasDefaultView={views.some((view) => view.isDefault)}>
      <LiveUpdates labels={t.live} />
      {children}
    </AppShell>
  );
}
