// Runs a report for a viewer: parse the filters, check they are inside the viewer's scope, run.
// The page and the JSON API both come through here, so they always show the same numbers.
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { localToday } from "@/lib/time/comparison";
import type { Period } from "@/lib/time/months";
import type { JsonOf } from "@/lib/api/json-of";
import { assertFiltersInScope, parseReportFilters, resolvePeriod, type ReportFilters } from "./filters";
import { findReport, type ReportName, type ReportResultOf } from "./registry";

/** What every report's answer carries beside its own figures. */
type ReportEnvelope = { report: string; currency: string; timezone: string; filters: ReportFilters; period: Period; today: string };

/** A report's answer as the page and the API return it. */
export type ReportAnswer<N extends ReportName> = ReportEnvelope & ReportResultOf<N>;

/** The JSON of GET /api/reports/<name> (dates as strings): the type a dashboard works with. */
export type ReportResponse<N extends ReportName> = JsonOf<ReportAnswer<N>>;

export async function runReport<N extends ReportName>(db: Db, viewer: Viewer, name: N | string, params: URLSearchParams, now = new Date()): Promise<ReportAnswer<N>> {
  const report = findReport(name);
  if (!report) throw new NotFoundError("Report", { params: { name } });
  const filters = parseReportFilters(params);
  const scope = scopeOf(viewer);
  await assertFiltersInScope(db, scope, filters);
  const org = { baseCurrency: viewer.org.baseCurrency, timezone: viewer.org.timezone };
  const period = resolvePeriod(filters, org.timezone, now);
  const result = await report.run({ db, scope, org, filters, period, now });
  // `today` lets a chart mark the month (or week) still running: its figures are incomplete.
  const answer: ReportEnvelope = { report: report.name, currency: org.baseCurrency, timezone: org.timezone, filters, period, today: localToday(now, org.timezone) };
  // findReport found the report by this name, so its result is ReportResultOf<N>.
  return { ...answer, ...result } as ReportAnswer<N>;
}
