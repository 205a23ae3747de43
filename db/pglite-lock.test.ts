import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { DatabaseInUseError, lockDataDir } from "./pglite-lock";

const dirs: string[] = [];
function freshDir() {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "voronka-lock-")), "pglite");
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(path.dirname(dir), { recursive: true, force: true })));

it("gives a second process a clear error instead of opening the folder", async () => {
  const dir = freshDir();
  // Another live process (here a `sleep`) holds the lock.
  const other = spawn("sleep", ["30"]);
  try {
    fs.writeFileSync(`${dir}.lock`, String(other.pid));
    expect(() => lockDataDir(dir)).toThrow(DatabaseInUseError);
    expect(() => lockDataDir(dir)).toThrow(`is in use by process ${other.pid}`);
  } finally {
    other.kill();
  }
});

it("takes over a lock left behind by a process that died", () => {
  const dir = freshDir();
  const dead = spawnSync("true").pid; // finished, so its pid is free
  fs.writeFileSync(`${dir}.lock`, String(dead));
  const release = lockDataDir(dir);
  expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
  release();
  expect(fs.existsSync(`${dir}.lock`)).toBe(false);
});

it("lets the same process lock again (a dev reload re-evaluating the module)", () => {
  const dir = freshDir();
  const release = lockDataDir(dir);
  expect(() => lockDataDir(dir)).not.toThrow();
  release();
});
