// Prometheus metrics of the webhook path. One registry per process, kept on globalThis because
// Next bundles route handlers into separate module graphs (each would otherwise count alone).
import { Counter, Histogram, Registry } from "prom-client";
import { processSlot } from "@/lib/process-slot";

function createMetrics() {
  const registry = new Registry();
  const received = new Counter({
    name: "voronka_webhooks_received_total",
    help: "Webhook deliveries answered, by sender kind and outcome (pending = accepted for processing)",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const processed = new Counter({
    name: "voronka_webhooks_processed_total",
    help: "Inbox events processed successfully (applied or ignored)",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const failed = new Counter({
    name: "voronka_webhooks_failed_total",
    help: "Processing attempts that failed and were scheduled for a retry",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const dead = new Counter({
    name: "voronka_webhooks_dead_total",
    help: "Inbox events that failed their last attempt and are now dead",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "voronka_webhook_processing_latency_seconds",
    help: "Time from receipt to successful processing of an inbox event",
    labelNames: ["kind"] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers: [registry],
  });
  const ackLatency = new Histogram({
    name: "voronka_webhook_ack_latency_seconds",
    help: "Time from the start of a webhook request to its answer",
    labelNames: ["kind"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [registry],
  });
  return { registry, received, processed, failed, dead, latency, ackLatency };
}

export type IngestMetrics = ReturnType<typeof createMetrics>;

const store = processSlot<IngestMetrics>("IngestMetrics");

export function ingestMetrics(): IngestMetrics {
  return store.ensure(createMetrics);
}

/** What became of one processed inbox event, for the counters and the latency histogram. */
export type ProcessedOutcome = { kind: string; status: "done" | "ignored" | "rejected" | "failed" | "dead"; latencyS?: number };

const sink = processSlot<(outcomes: ProcessedOutcome[]) => void>("OutcomeSink");

/** In the processor thread the outcomes go to the main thread, whose registry /api/metrics serves. */
export function sendOutcomesTo(forward: (outcomes: ProcessedOutcome[]) => void): void {
  sink.set(forward);
}

export function recordOutcomes(outcomes: ProcessedOutcome[]): void {
  if (outcomes.length === 0) return;
  const forward = sink.get();
  if (forward) return forward(outcomes);
  const metrics = ingestMetrics();
  for (const { kind, status, latencyS } of outcomes) {
    if (status === "done" || status === "ignored") {
      metrics.processed.inc({ kind });
      if (latencyS !== undefined) metrics.latency.observe({ kind }, latencyS);
    } else if (status === "failed") metrics.failed.inc({ kind });
    else if (status === "dead") metrics.dead.inc({ kind });
  }
}
