// A built report (docs/builder.md): whitelisted measures cut by up to two dimensions, within the
// viewer's scope. POST because the request is a small document, not a filter string; it changes nothing.
import { getReportDb } from "@/db/report-db";
import { apiRoute, readJson } from "@/lib/api/handler";
import { customReportSchema, type CustomReportRequest } from "@/lib/reports/builder/request";
import { runCustomReport } from "@/lib/reports/builder/run-custom-report";

export const POST = apiRoute("reports:read", async ({ request, viewer }) => {
  const body = (await readJson(request, customReportSchema)) as CustomReportRequest;
  return runCustomReport(await getReportDb(), viewer, body);
});
