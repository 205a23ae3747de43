// How a saved change answers: what was saved plus the recompute it started, and keeps a serverless
// function alive until that recompute ends.
import type { StartedRecompute } from "@/lib/attribution/recompute";
import { runOnAfterResponse } from "@/lib/api/run-on";

export function withRecompute<T extends object>(body: T, recompute: StartedRecompute | null, status = 200): Response {
  if (recompute?.finished) runOnAfterResponse(recompute.finished, "attribution recompute");
  return Response.json({ ...body, recompute: recompute ? { runId: recompute.runId } : null }, { status });
}
