// Builds the document an export renders, by running the report through runReport — the function
// behind GET /api/reports/<name> — so a file never disagrees with the JSON API or the page.
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { periodDates, type Locale } from "@/lib/format";
import { exportMessages } from "@/lib/i18n/export-messages";
import { NotFoundError } from "@/lib/errors";
import { bodyAt } from "@/lib/reports/builder/address";
import { customReportSchema, type CustomReportRequest } from "@/lib/reports/builder/request";
import { runCustomReport } from "@/lib/reports/builder/run-custom-report";
import type { ReportFilters } from "@/lib/reports/filters";
import { runReport } from "@/lib/reports/run-report";
import type { SavedViewKind } from "@/lib/saved-views/dashboards";
import { describeFilters, describeScope } from "./describe-filters";
import type { ExportDocument, ExportSection } from "./model";
import { reportSections, reportTitle } from "./report-layouts";
import { trafficTitles } from "./traffic-layout";
import { conversationsTitles } from "./conversations-layout";
import { customReportSections, customReportTitle } from "./custom-layout";

/** The cards of each dashboard, in the order the page shows them. */
export const dashboardReports = {
  overview: ["overview"],
  sales: ["sales-by-month"],
  funnel: ["sales-funnel"],
  managers: ["manager-activity"],
  leads: ["lead-conversion", "leads-by-source"],
  traffic: ["traffic-teams"],
  forecast: ["forecast"],
  conversations: ["conversations"],
} as const satisfies Record<string, readonly string[]>;
export type DashboardName = keyof typeof dashboardReports;

export function isDashboardName(name: string): name is DashboardName {
  return Object.hasOwn(dashboardReports, name);
}

type Input = { db: Db; viewer: Viewer; params: URLSearchParams; locale: Locale; now?: Date };

async function runForExport(input: Input, reportName: string) {
  const result = await runReport(input.db, input.viewer, reportName, input.params, input.now);
  const t = exportMessages[input.locale];
  return { result, sections: reportSections(result.report, result, { t, locale: input.locale }) };
}

/** What the document's header reads from the first report's result. */
type HeaderFacts = { currency: string; timezone: string; period: { from: Date; to: Date }; filters: ReportFilters };

async function assemble(input: Pick<Input, "db" | "viewer" | "locale" | "now">, slug: string, title: string, result: HeaderFacts, sections: ExportSection[]): Promise<ExportDocument> {
  const { db, viewer, locale } = input;
  const t = exportMessages[locale];
  return {
    slug,
    title,
    locale,
    currency: result.currency,
    timezone: result.timezone,
    period: periodDates({ from: result.period.from.toISOString(), to: result.period.to.toISOString() }, result.timezone),
    filters: await describeFilters(db, viewer.orgId, result.filters, t),
    scope: await describeScope(db, viewer, t),
    exportedBy: `${viewer.name} <${viewer.email}>`,
    exportedAt: input.now ?? new Date(),
    sections,
  };
}

export async function buildReportDocument(input: Input, reportName: string): Promise<ExportDocument> {
  const run = await runForExport(input, reportName);
  return assemble(input, run.result.report, reportTitle(run.result.report, exportMessages[input.locale], input.locale), run.result, run.sections);
}

/** A whole dashboard: every card's report with the same filters, a section per card. */
export async function buildDashboardDocument(input: Input, dashboard: string): Promise<ExportDocument> {
  if (!isDashboardName(dashboard)) throw new NotFoundError("Dashboard", { params: { name: dashboard, names: Object.keys(dashboardReports).join(", ") } });
  const runs = [];
  for (const reportName of dashboardReports[dashboard]) runs.push(await runForExport(input, reportName));
  const t = exportMessages[input.locale];
  // The traffic dashboard's texts live with the traffic pages' (lib/i18n/traffic-messages.ts).
  const title = dashboard === "traffic" ? trafficTitles(input.locale).dashboard : dashboard === "conversations" ? conversationsTitles(input.locale).dashboard : t.dashboards[dashboard];
  return assemble(input, `dashboard-${dashboard}`, title, runs[0].result, runs.flatMap((run) => run.sections));
}

/** What a saved view opens, as a file: its dashboard with its filters, or a built report from its address. */
export function buildViewDocument(input: Input, kind: SavedViewKind): Promise<ExportDocument> {
  if (kind !== "builder") return buildDashboardDocument(input, kind);
  return buildCustomDocument({ ...input, request: customReportSchema.parse(bodyAt(input.params)) as CustomReportRequest });
}

/** A built report, run by runCustomReport — the function behind POST /api/reports/custom — in the viewer's scope. */
export async function buildCustomDocument(input: Omit<Input, "params"> & { request: CustomReportRequest }): Promise<ExportDocument> {
  const answer = await runCustomReport(input.db, input.viewer, input.request, input.now);
  return assemble(input, "custom-report", customReportTitle(answer, input.locale), answer, customReportSections(answer, input.locale));
}
