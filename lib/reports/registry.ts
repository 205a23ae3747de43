// Every report the JSON API, the pages and the exports can run, by its URL name.
import type { ReportDefinition } from "./report";

const reports: ReportDefinition[] = [];

export const reportNames = reports.map((report) => report.name);

export function findReport(name: string): ReportDefinition | undefined {
  return reports.find((report) => report.name === name);
}
