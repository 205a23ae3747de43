import type { Metadata } from "next";
import { Suspense } from "react";
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import { reportQueryString } from "@/components/dashboard/report-query";
import type { InitialReport } from "@/components/dashboard/use-report";
import { requireViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/format";
import { dashboardMessages, type DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { getFilterOptions } from "@/lib/reports/filter-options";
import { runReport } from "@/lib/reports/run-report";
import { FunnelClient, type FunnelReport } from "./funnel-client";

export const metadata: Metadata = { title: "Funnel" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function FunnelPage({ searchParams }: { searchParams: SearchParams }) {
  const query = reportQueryString(await searchParams);
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  const t = dashboardMessages[locale];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t.funnel.title}</h1>
        <p className="text-sm text-slate-500">{t.funnel.subtitle}</p>
      </header>
      <Suspense fallback={<div className="h-96 animate-pulse rounded-xl bg-slate-100" />}>
        <FunnelData viewer={viewer} query={query} locale={locale} t={t} />
      </Suspense>
    </div>
  );
}

async function FunnelData({ viewer, query, locale, t }: { viewer: Viewer; query: string; locale: Locale; t: DashboardMessages }) {
  const [initial, options] = await Promise.all([loadFunnel(viewer, query), getFilterOptions(await getDb(), viewer)]);
  return <FunnelClient initial={initial} options={options} role={viewer.role} locale={locale} t={t} />;
}

/** The first render's figures; a bad or forbidden filter becomes a message in the card, not a crash. */
async function loadFunnel(viewer: Viewer, query: string): Promise<InitialReport<FunnelReport>> {
  try {
    const result = await runReport(await getDb(), viewer, "sales-funnel", new URLSearchParams(query));
    // The same JSON the API sends, so the client's cache holds one shape.
    return { query, data: JSON.parse(JSON.stringify(result)) as FunnelReport, error: null };
  } catch (error) {
    if (error instanceof ZodError) return { query, data: null, error: error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") };
    if (error instanceof AppError) return { query, data: null, error: error.message };
    throw error;
  }
}
