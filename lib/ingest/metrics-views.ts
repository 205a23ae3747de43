// What /api/metrics shows. An organisation's admin sees only their organisation, read from the
// database: the process counters count every organisation's webhooks together, so they go only to
// the operator's scraper (METRICS_TOKEN), with the inbox depth of every organisation.
import { Gauge, Registry } from "prom-client";
import type { Db } from "@/db/types";
import { inboxCountsByKind, inboxDepth } from "./inbox-stats";
import { ingestMetrics } from "./metrics";
import { addSyncMetrics } from "@/lib/sync/sync-metrics";

function depthGauge(registry: Registry) {
  return new Gauge({
    name: "voronka_webhook_inbox_depth",
    help: "Inbox events waiting to be processed (pending or failed, retry due or not)",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
}

/** One organisation's figures, the same on every instance of the app. */
export async function organisationMetrics(db: Db, orgId: string): Promise<Registry> {
  const registry = new Registry();
  const events = new Gauge({
    name: "voronka_webhook_events",
    help: "The organisation's webhook deliveries received in the last 24 hours, by sender kind and status now",
    labelNames: ["kind", "status"] as const,
    registers: [registry],
  });
  for (const row of await inboxCountsByKind(db, orgId)) events.set({ kind: row.kind, status: row.status }, row.count);
  const depth = depthGauge(registry);
  for (const row of await inboxDepth(db, orgId)) depth.set({ kind: row.kind }, row.depth);
  await addSyncMetrics(registry, db, orgId);
  return registry;
}

/** This process's counters and latency histograms, and the inbox depth of every organisation. */
export async function processMetrics(db: Db): Promise<Registry> {
  const registry = new Registry();
  const depth = depthGauge(registry);
  for (const row of await inboxDepth(db, "every-organisation")) depth.set({ kind: row.kind }, row.depth);
  await addSyncMetrics(registry, db, "every-organisation");
  return Registry.merge([ingestMetrics().registry, registry]);
}

export async function metricsResponse(registry: Registry): Promise<Response> {
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
