import { apiRoute } from "@/lib/api/handler";
import { sourceFreshness } from "@/lib/sync/run-history";

/** When each CRM source last synced: every role may read it (dashboards show "synced 4 min ago"). */
export const GET = apiRoute("reports:read", async ({ viewer, db }) => ({ sources: await sourceFreshness(db, viewer.orgId) }));
