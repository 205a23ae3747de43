import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { hasBearerSecret } from "@/lib/ingest/receive/secrets";
import { metricsResponse, organisationMetrics, processMetrics } from "@/lib/ingest/metrics-views";

export const dynamic = "force-dynamic";

const forAdmin = apiRoute("sources:manage", async ({ viewer, db }) => metricsResponse(await organisationMetrics(db, viewer.orgId)));

/**
 * Prometheus text. `Authorization: Bearer $METRICS_TOKEN` (the operator's scraper): this process's
 * webhook counters and every organisation's inbox depth. An admin's session or API token: their
 * own organisation's figures only (lib/ingest/metrics-views.ts).
 */
export async function GET(request: Request): Promise<Response> {
  if (hasBearerSecret(request, env.METRICS_TOKEN)) return metricsResponse(await processMetrics(await getDb()));
  return forAdmin(request);
}
