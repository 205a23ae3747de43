// GET /api/dashboards/<overview|sales|funnel|managers|leads|traffic>/export?format=xlsx|pdf&<filters>: the
// whole dashboard as one workbook (a sheet per card) or one PDF (a section per card).
import { apiRoute } from "@/lib/api/handler";
import { buildDashboardDocument, dashboardReports, isDashboardName } from "@/lib/export/export-document";
import { exportLocale, filterParams, parseExportOptions } from "@/lib/export/export-options";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { renderDocument } from "@/lib/export/render";

export const GET = apiRoute<{ dashboard: string }>("reports:read", async ({ request, viewer, db, params }) => {
  if (!isDashboardName(params.dashboard)) throw new NotFoundError("Dashboard", { params: { name: params.dashboard, names: Object.keys(dashboardReports).join(", ") } });
  const search = new URL(request.url).searchParams;
  const options = parseExportOptions(search);
  if (options.format === "csv") {
    throw new ValidationError("A dashboard exports as xlsx or pdf; CSV is per report, at /api/reports/<name>/export", { code: "dashboard_csv_unsupported", field: "format" });
  }
  const locale = exportLocale(request, viewer, options);
  const doc = await buildDashboardDocument({ db, viewer, params: filterParams(search), locale }, params.dashboard);
  return renderDocument(doc, options);
});
