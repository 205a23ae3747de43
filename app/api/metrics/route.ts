import { Gauge, Registry } from "prom-client";
import { apiRoute } from "@/lib/api/handler";
import { inboxDepth } from "@/lib/ingest/inbox-stats";
import { ingestMetrics } from "@/lib/ingest/metrics";

export const dynamic = "force-dynamic";

/**
 * Prometheus text: this process's webhook counters and latency histograms, plus the inbox depth of
 * the caller's organisation read from the database. An admin session or an admin's API token.
 */
export const GET = apiRoute("sources:manage", async ({ viewer, db }) => {
  const depthRegistry = new Registry();
  const depth = new Gauge({ name: "voronka_webhook_inbox_depth", help: "Inbox events waiting to be processed (pending or failed, retry due or not)", labelNames: ["kind"] as const, registers: [depthRegistry] });
  for (const row of await inboxDepth(db, viewer.orgId)) depth.set({ kind: row.kind }, row.depth);
  const merged = Registry.merge([ingestMetrics().registry, depthRegistry]);
  return new Response(await merged.metrics(), { headers: { "content-type": merged.contentType } });
});
