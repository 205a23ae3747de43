// Every report the JSON API, the pages and the exports can run, by its URL name. The map's types
// are the reports' contracts: a dashboard names a report and gets its response type from here.
import type { ReportDefinition, ReportResult } from "./report";
import { conversationsReport } from "./conversations";
import { leadConversionReport } from "./lead-conversion";
import { leadsBySourceReport } from "./leads-by-source";
import { managerActivityReport } from "./manager-activity";
import { overviewReport } from "./overview-kpis";
import { revenueForecastReport } from "./revenue-forecast";
import { salesByMonthReport } from "./sales-by-month";
import { salesFunnelReport } from "./sales-funnel";
import { trafficTeamsReport } from "./traffic-teams";
import { withManagerPlans, withSalesPlan } from "@/lib/plans/report-plans";

const reports = {
  overview: overviewReport,
  // Plan against fact rides on the two reports it belongs to (lib/plans/report-plans.ts).
  "sales-by-month": withSalesPlan(salesByMonthReport),
  "sales-funnel": salesFunnelReport,
  "manager-activity": withManagerPlans(managerActivityReport),
  "leads-by-source": leadsBySourceReport,
  "lead-conversion": leadConversionReport,
  "traffic-teams": trafficTeamsReport,
  forecast: revenueForecastReport,
  conversations: conversationsReport,
};

export type ReportName = keyof typeof reports;

/** What a report's `run` returns (before the JSON envelope and serialisation). */
export type ReportResultOf<N extends ReportName> = (typeof reports)[N] extends ReportDefinition<infer R> ? R : never;

export const reportNames = Object.keys(reports) as ReportName[];

export function isReportName(name: string): name is ReportName {
  return Object.hasOwn(reports, name);
}

export function findReport(name: string): ReportDefinition<ReportResult> | undefined {
  return isReportName(name) ? reports[name] : undefined;
}
