// vercel.json against the routes it schedules and Vercel's limits (docs/vercel.md): every cron path
// is a route with a secret-checked GET, its maxDuration fits the Hobby plan's 300 s ceiling, and
// the work budget inside it leaves time to answer.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const vercel = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as { crons: { path: string; schedule: string }[] };
/** Vercel's ceiling for a function's maxDuration on the Hobby plan (Pro allows up to 800 s). */
const HOBBY_MAX_DURATION_S = 300;

function routeSource(cronPath: string): string {
  const file = path.join(root, "app", cronPath, "route.ts");
  expect(existsSync(file), `${cronPath} has no route.ts`).toBe(true);
  return readFileSync(file, "utf8");
}

describe("vercel.json", () => {
  it("schedules the ten cron routes, each a five-field cron expression", () => {
    expect(vercel.crons.map((cron) => cron.path).sort()).toEqual(["/api/cron/ai", "/api/cron/anomalies", "/api/cron/models", "/api/cron/notifications", "/api/cron/reconcile", "/api/cron/reports", "/api/cron/shop-status", "/api/cron/sync", "/api/cron/webhooks", "/api/cron/write-back"]);
    for (const cron of vercel.crons) expect(cron.schedule.split(" ")).toHaveLength(5);
  });

  it("every cron route checks CRON_SECRET, runs at most 300 s and stops its work 15 s or more before that", () => {
    for (const cron of vercel.crons) {
      const source = routeSource(cron.path);
      expect(source, cron.path).toMatch(/withCron\(/);
      const maxDuration = Number(/export const maxDuration = (\d+);/.exec(source)?.[1]);
      expect(maxDuration, cron.path).toBeGreaterThan(0);
      expect(maxDuration, cron.path).toBeLessThanOrEqual(HOBBY_MAX_DURATION_S);
      const budgetMs = Number(/budgetMs: ([\d_]+)/.exec(source)?.[1].replaceAll("_", ""));
      expect(budgetMs, cron.path).toBeLessThanOrEqual((maxDuration - 15) * 1000);
    }
  });
});
