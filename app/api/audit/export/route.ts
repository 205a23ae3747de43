// GET /api/audit/export?format=csv|xlsx|pdf&<the log's filters>: every matching entry as a file.
import { apiRoute } from "@/lib/api/handler";
import { auditFiltersSchema } from "@/lib/audit-log";
import { buildAuditDocument } from "@/lib/export/audit-document";
import { exportLocale, filterParams, parseExportOptions } from "@/lib/export/export-options";
import { renderDocument } from "@/lib/export/render";

export const GET = apiRoute("audit:read", async ({ request, viewer, db }) => {
  const search = new URL(request.url).searchParams;
  const options = parseExportOptions(search);
  const filters = auditFiltersSchema.parse(Object.fromEntries(filterParams(search)));
  const doc = await buildAuditDocument(db, viewer, filters, exportLocale(request, viewer, options));
  return renderDocument(doc, options);
});
