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
import { LeadsClient, type LeadConversionReport, type LeadsBySourceReport } from "./leads-client";

export const metadata: Metadata = { title: "Leads" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = reportQueryString(await searchParams);
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  const t = dashboardMessages[locale];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t.leads.title}</h1>
        <p className="text-sm text-slate-500">{t.leads.subtitle}</p>
      </header>
      <Suspense fallback={<div className="h-96 animate-pulse rounded-xl bg-slate-100" />}>
        <LeadsData viewer={viewer} query={query} locale={locale} t={t} />
      </Suspense>
    </div>
  );
}

async function LeadsData({ viewer, query, locale, t }: { viewer: Viewer; query: string; locale: Locale; t: DashboardMessages }) {
  const db = await getDb();
  const [conversion, bySource, options] = await Promise.all([
    loadReport<LeadConversionReport>(viewer, "lead-conversion", query),
    loadReport<LeadsBySourceReport>(viewer, "leads-by-source", query),
    getFilterOptions(db, viewer),
  ]);
  return <LeadsClient initial={{ conversion, bySource }} options={options} role={viewer.role} locale={locale} t={t} />;
}

/** The first render's figures; a bad or forbidden filter becomes a message in the card, not a crash. */
async function loadReport<T>(viewer: Viewer, name: string, query: string): Promise<InitialReport<T>> {
  try {
    // runReport parses the filters with the API's schema (a ZodError when one is malformed).
    const result = await runReport(await getDb(), viewer, name, new URLSearchParams(query));
    // The same JSON the API sends (dates as strings), so the client's cache holds one shape.
    return { query, data: JSON.parse(JSON.stringify(result)) as T, error: null };
  } catch (error) {
    if (error instanceof ZodError) return { query, data: null, error: error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") };
    if (error instanceof AppError) return { query, data: null, error: error.message };
    throw error;
  }
}
