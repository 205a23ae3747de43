import { apiRoute } from "@/lib/api/handler";
import { runReport } from "@/lib/reports/run-report";

export const GET = apiRoute<{ report: string }>("reports:read", async ({ request, viewer, db, params }) =>
  runReport(db, viewer, params.report, new URL(request.url).searchParams),
);
