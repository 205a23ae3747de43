import { getReportDb } from "@/db/report-db";
import { apiRoute } from "@/lib/api/handler";
import { runReport } from "@/lib/reports/run-report";

/** Read through the report handle: the read replica when one is configured and fresh (db/report-db.ts). */
export const GET = apiRoute<{ report: string }>("reports:read", async ({ request, viewer, params }) =>
  runReport(await getReportDb(), viewer, params.report, new URL(request.url).searchParams),
);
