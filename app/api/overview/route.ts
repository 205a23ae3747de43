import { apiRoute } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { getOverviewSummary } from "@/lib/reports/overview";

export const GET = apiRoute("reports:read", async ({ viewer, db }) => getOverviewSummary(db, scopeOf(viewer), viewer.org));
