import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { EXIT_STALLED } from "./stall-watchdog";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs the fixture's files named by `filters` (6 s without a sign of life is a stall; the blocked file would block for 10 minutes). */
function runFixture(filters: string[], rerunList: string) {
  return spawnSync("npx", ["vitest", "run", "--config", path.join(import.meta.dirname, "stall-fixture/vitest.config.ts"), ...filters], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, VITEST_STALL_MINUTES: "0.1", VITEST_RERUN_LIST: rerunList, CI: "true" },
    timeout: 90_000,
  });
}

const freshListFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stall-")), "rerun.txt");

it("names a blocked test file, stops it, exits 75 and lists for the repeat only the files that had not passed", () => {
  const started = Date.now();
  const listFile = freshListFile();
  const run = runFixture(["blocked", "passes"], listFile);
  expect(run.status).toBe(EXIT_STALLED);
  expect(run.stderr).toContain("[stall-watchdog] no test finished for 0.1 minutes in:");
  expect(run.stderr).toContain("blocked.hang.ts");
  expect(fs.readFileSync(listFile, "utf8")).toBe("db/test/stall-fixture/blocked.hang.ts\n");
  expect(Date.now() - started).toBeLessThan(60_000);
}, 100_000);

it("fails the run (exit 1, no repeat list) when a file had already failed before the stall", () => {
  const listFile = freshListFile();
  const run = runFixture(["blocked", "fails"], listFile);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("had already failed, so the run fails (exit 1)");
  expect(run.stderr).toContain("fails.hang.ts");
  expect(fs.existsSync(listFile)).toBe(false);
}, 100_000);
