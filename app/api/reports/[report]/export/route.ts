// GET /api/reports/<name>/export?format=csv|xlsx|pdf&<the report's filters>: the report as a file,
// with the same auth, scope and numbers as GET /api/reports/<name>.
import { apiRoute } from "@/lib/api/handler";
import { buildReportDocument } from "@/lib/export/export-document";
import { exportLocale, filterParams, parseExportOptions } from "@/lib/export/export-options";
import { renderDocument } from "@/lib/export/render";

export const GET = apiRoute<{ report: string }>("reports:read", async ({ request, viewer, db, params }) => {
  const search = new URL(request.url).searchParams;
  const options = parseExportOptions(search);
  const locale = exportLocale(request, viewer, options);
  const doc = await buildReportDocument({ db, viewer, params: filterParams(search), locale }, params.report);
  return renderDocument(doc, options);
});
