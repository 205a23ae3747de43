// GET /api/anomalies?from&to: the stored anomaly alerts in the viewer's scope (lib/anomalies/list.ts,
// docs/api.md). Reads stored results only: detection runs in the background.
import { getReportDb } from "@/db/report-db";
import { apiRoute } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { anomalyFiltersSchema, listAnomalies } from "@/lib/anomalies/list";

export const GET = apiRoute("reports:read", async ({ request, viewer }) => {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const filters = anomalyFiltersSchema.parse(params);
  return listAnomalies(await getReportDb(), scopeOf(viewer), filters, viewer.org);
});
