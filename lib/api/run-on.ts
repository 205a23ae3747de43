// Background work a route started (a sync run, an attribution recompute) goes on after the answer:
// `after` keeps a serverless function alive until it ends; its failure is logged, never thrown.
import { after } from "next/server";
import { errorMessage } from "@/lib/error-text";

export function runOnAfterResponse(work: Promise<unknown>, label: string): void {
  const done = work.then(
    () => undefined,
    (error: unknown) => console.error(`[${label}] ended with an error`, errorMessage(error)),
  );
  try {
    after(() => done);
  } catch {
    void done; // outside a Next.js request (tests, scripts) the promise simply runs on
  }
}
