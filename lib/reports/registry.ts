// Every report the JSON API, the pages and the exports can run, by its URL name.
import type { ReportDefinition } from "./report";
import { leadConversionReport } from "./lead-conversion";
import { leadsBySourceReport } from "./leads-by-source";
import { managerActivityReport } from "./manager-activity";
import { overviewReport } from "./overview-kpis";
import { salesByMonthReport } from "./sales-by-month";
import { salesFunnelReport } from "./sales-funnel";
import { trafficTeamsReport } from "./traffic-teams";

const reports: ReportDefinition[] = [overviewReport, salesByMonthReport, salesFunnelReport, managerActivityReport, leadsBySourceReport, leadConversionReport, trafficTeamsReport];

export const reportNames = reports.map((report) => report.name);

export function findReport(name: string): ReportDefinition | undefined {
  return reports.find((report) => report.name === name);
}
