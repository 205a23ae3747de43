import type { Metadata } from "next";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { OverviewCards } from "@/components/overview/overview-cards";
import { requireViewer } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/scope";
import { getMessages } from "@/lib/i18n/locale";
import { getOverviewSummary } from "@/lib/reports/overview";
import { formatMonth, type Locale } from "@/lib/format";
import type { Viewer } from "@/lib/auth/viewer";
import type { Messages } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requireViewer();
  const { locale, t } = await getMessages(viewer);
  const scopeLabel = { admin: t.overview.scopeOrg, director: t.overview.scopeDepartment, manager: t.overview.scopeOwn }[viewer.role];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t.overview.title}</h1>
        <p className="text-sm text-slate-500">
          {scopeLabel} · {formatMonth(new Date(), viewer.org.timezone, locale)}
        </p>
      </header>
      <Suspense fallback={<div className="h-32 animate-pulse rounded-xl bg-slate-100" />}>
        <OverviewData viewer={viewer} locale={locale} t={t.overview} />
      </Suspense>
    </div>
  );
}

async function OverviewData({ viewer, locale, t }: { viewer: Viewer; locale: Locale; t: Messages["overview"] }) {
  const summary = await getOverviewSummary(await getDb(), scopeOf(viewer), viewer.org);
  return <OverviewCards summary={summary} locale={locale} t={t} role={viewer.role} />;
}
