// GET /api/deals/export?format=csv|xlsx|pdf&<the deals table's filters>: the deals table as a file,
// streamed, within the caller's scope (session or API token, as GET /api/deals).
import { apiRoute } from "@/lib/api/handler";
import { exportDeals } from "@/lib/export/deals/deals-export";
import { exportLocale, filterParams, parseExportOptions } from "@/lib/export/export-options";

export const GET = apiRoute("reports:read", async ({ request, viewer, db }) => {
  const search = new URL(request.url).searchParams;
  const options = parseExportOptions(search);
  return exportDeals({ db, viewer, params: filterParams(search), locale: exportLocale(request, viewer, options), options });
});
