// GET /api/reports/custom/export?format=csv|xlsx|pdf&<the builder's address>: a built report as a
// file (docs/builder.md), with the same auth, scope, checks and numbers as POST /api/reports/custom.
// The body comes from the address the builder page shows (lib/reports/builder/address.ts), so the
// export menu is a plain link like every report's.
import { getReportDb } from "@/db/report-db";
import { apiRoute } from "@/lib/api/handler";
import { buildCustomDocument } from "@/lib/export/export-document";
import { exportLocale, filterParams, parseExportOptions } from "@/lib/export/export-options";
import { renderDocument } from "@/lib/export/render";
import { bodyAt } from "@/lib/reports/builder/address";
import { customReportSchema, type CustomReportRequest } from "@/lib/reports/builder/request";

export const GET = apiRoute("reports:read", async ({ request, viewer }) => {
  const search = new URL(request.url).searchParams;
  const options = parseExportOptions(search);
  const report = customReportSchema.parse(bodyAt(filterParams(search))) as CustomReportRequest;
  const doc = await buildCustomDocument({ db: await getReportDb(), viewer, request: report, locale: exportLocale(request, viewer, options) });
  return renderDocument(doc, options);
});
