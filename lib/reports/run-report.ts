// Runs a report for a viewer: parse the filters, check they are inside the viewer's scope, run.
// The page and the JSON API both come through here, so they always show the same numbers.
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { localToday } from "@/lib/time/comparison";
import { assertFiltersInScope, parseReportFilters, resolvePeriod } from "./filters";
import { findReport } from "./registry";

export async function runReport(db: Db, viewer: Viewer, name: string, params: URLSearchParams, now = new Date()) {
  const report = findReport(name);
  if (!report) throw new NotFoundError("Report", { params: { name } });
  const filters = parseReportFilters(params);
  const scope = scopeOf(viewer);
  await assertFiltersInScope(db, scope, filters);
  const org = { baseCurrency: viewer.org.baseCurrency, timezone: viewer.org.timezone };
  const period = resolvePeriod(filters, org.timezone, now);
  const result = await report.run({ db, scope, org, filters, period, now });
  // `today` lets a chart mark the month (or week) still running: its figures are incomplete.
  return { report: report.name, currency: org.baseCurrency, timezone: org.timezone, filters, period, today: localToday(now, org.timezone), ...result };
}
