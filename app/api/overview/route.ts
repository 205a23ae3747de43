// The Overview's figures: the facts-based `overview` report, the same as /api/reports/overview
// (kept at this address for the scripts that already call it).
import { getReportDb } from "@/db/report-db";
import { apiRoute } from "@/lib/api/handler";
import { runReport } from "@/lib/reports/run-report";

export const GET = apiRoute("reports:read", async ({ request, viewer }) => runReport(await getReportDb(), viewer, "overview", new URL(request.url).searchParams));
