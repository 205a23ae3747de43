import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { EXIT_STALLED } from "./stall-watchdog";

it("names a test file whose worker is blocked, stops it and exits 75 instead of hanging", () => {
  const started = Date.now();
  const run = spawnSync("npx", ["vitest", "run", "--config", path.join(import.meta.dirname, "stall-fixture/vitest.config.ts")], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    encoding: "utf8",
    // 0.1 minute = 6 s without a sign of life; the fixture would block for 10 minutes
    env: { ...process.env, VITEST_STALL_MINUTES: "0.1", CI: "true" },
    timeout: 90_000,
  });
  expect(run.status).toBe(EXIT_STALLED);
  expect(run.stderr).toContain("[stall-watchdog] no test finished for 0.1 minutes in:");
  expect(run.stderr).toContain("blocked.hang.ts");
  expect(Date.now() - started).toBeLessThan(60_000);
}, 100_000);
