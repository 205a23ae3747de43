import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireViewer } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/locale";

// Every page here reads the database per request; none may be prerendered at build time.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const { locale, t } = await getMessages(viewer);
  return (
    <AppShell viewer={viewer} locale={locale} t={t}>
      {children}
    </AppShell>
  );
}
