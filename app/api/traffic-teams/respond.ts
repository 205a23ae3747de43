// How a saved change answers: what was saved plus the recompute it started, and keeps a serverless
// function alive until that recompute ends.
import { after } from "next/server";
import type { StartedRecompute } from "@/lib/attribution/recompute";
import { errorMessage } from "@/lib/error-text";

export function withRecompute<T extends object>(body: T, recompute: StartedRecompute | null, status = 200): Response {
  const finished = recompute?.finished;
  if (finished) {
    const done = finished.then(
      () => undefined,
      (error: unknown) => console.error("[attribution] recompute ended with an error", errorMessage(error)),
    );
    try {
      after(() => done);
    } catch {
      void done; // outside a Next.js request (tests, scripts) the promise simply runs on
    }
  }
  return Response.json({ ...body, recompute: recompute ? { runId: recompute.runId } : null }, { status });
}
