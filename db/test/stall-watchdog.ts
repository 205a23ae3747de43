// A vitest reporter that turns a silent hang into a named, quick exit.
//
// A test or hook that awaits forever is stopped by testTimeout/hookTimeout, but a worker whose
// event loop is blocked (a synchronous loop, a native call that never returns) or that never
// starts cannot time itself out, and vitest then waits forever: CI once ran into its 90-minute
// limit that way with no word of which file it was in. This reporter, in vitest's main process,
// notes the last sign of life of every test file; when one has shown none for STALL_MINUTES it
// names the file, stops the workers and exits with EXIT_STALLED, which .ci/run tells apart from
// a failure (a stalled run is repeated once; a failed one never is).
//
// The repeat need not run again what already passed: when VITEST_RERUN_LIST names a file, the
// watchdog writes there, one per line, every planned test file that had not passed when it
// stopped the run (.ci/run hands them to the repeat). A file that had already failed makes the
// stall a failure (exit 1): a repeat could let a flaky test pass and hide it.
import fs from "node:fs";
import path from "node:path";
import type { Reporter, TestCase, TestModule, TestSpecification } from "vitest/node";

export const EXIT_STALLED = 75;
const STALL_MINUTES = Number(process.env.VITEST_STALL_MINUTES ?? 5);

export default class StallWatchdog implements Reporter {
  private lastSign = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private planned: string[] = [];
  private passed = new Set<string>();
  private failed = new Set<string>();

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>) {
    this.planned = [...new Set(specifications.map((specification) => specification.moduleId))];
    this.timer = setInterval(() => this.check(), Math.min(15_000, (STALL_MINUTES * 60_000) / 4));
    this.timer.unref();
  }

  onTestModuleQueued(module: TestModule) {
    this.lastSign.set(module.moduleId, Date.now());
  }

  onTestModuleStart(module: TestModule) {
    this.lastSign.set(module.moduleId, Date.now());
  }

  onTestCaseResult(test: TestCase) {
    this.lastSign.set(test.module.moduleId, Date.now());
  }

  onTestModuleEnd(module: TestModule) {
    this.lastSign.delete(module.moduleId);
    (module.state() === "failed" ? this.failed : this.passed).add(module.moduleId);
  }

  onTestRunEnd() {
    clearInterval(this.timer);
  }

  private check() {
    const limit = STALL_MINUTES * 60_000;
    const stalled = [...this.lastSign].filter(([, at]) => Date.now() - at > limit).map(([file]) => file);
    if (stalled.length === 0) return;
    process.stderr.write(`\n[stall-watchdog] no test finished for ${STALL_MINUTES} minutes in: ${stalled.join(", ")}\n`);
    const children = childPids(process.pid);
    process.stderr.write(`[stall-watchdog] stopping the workers (${children.join(", ") || "none"}) and the run (exit ${EXIT_STALLED})\n`);
    for (const pid of children) tryKill(pid);
    if (this.failed.size > 0) {
      process.stderr.write(`[stall-watchdog] these files had already failed, so the run fails (exit 1): ${[...this.failed].join(", ")}\n`);
      process.exit(1);
    }
    this.writeRerunList();
    process.exit(EXIT_STALLED);
  }

  private writeRerunList() {
    const listFile = process.env.VITEST_RERUN_LIST;
    if (!listFile) return;
    const unfinished = this.planned.filter((file) => !this.passed.has(file)).map((file) => path.relative(process.cwd(), file));
    fs.writeFileSync(listFile, unfinished.map((file) => `${file}\n`).join(""));
    process.stderr.write(`[stall-watchdog] ${this.passed.size} files passed; the ${unfinished.length} others are listed in ${listFile} for the repeat\n`);
  }
}

/** Every descendant of a process, read from /proc (Linux; elsewhere none, and only the run stops). */
function childPids(parent: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const parentOf = new Map<number, number>();
  for (const pid of entries) {
    try {
      // The command name in parentheses may hold spaces; the fields after its last ")" do not.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      parentOf.set(Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [parent];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const [pid, ppid] of parentOf) {
      if (ppid === current && !found.includes(pid)) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

function tryKill(pid: number) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}
