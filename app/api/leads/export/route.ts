// GET /api/leads/export?format=csv|xlsx|pdf&<the leads table's filters>: the leads table as a file,
// within the caller's scope (session or API token, as GET /api/leads).
import { apiRoute } from "@/lib/api/handler";
import { exportLeads } from "@/lib/export/leads/leads-export";
import { exportLocale, filterParams, parseExportOptions } from "@/lib/export/export-options";

export const GET = apiRoute("reports:read", async ({ request, viewer, db }) => {
  const search = new URL(request.url).searchParams;
  const options = parseExportOptions(search);
  return exportLeads({ db, viewer, params: filterParams(search), locale: exportLocale(request, viewer, options), options });
});
