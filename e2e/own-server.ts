// A production server of the spec's own, for specs that need settings the shared webServer of
// playwright.config.ts does not have (hosted mode, Supabase sign-in): a fresh embedded database
// with the demo organisation, its output in a log that a failed start prints.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export type OwnServer = { url: string; stop: () => void };

/** Starts `npm start`'s server on `port` with the demo data and `env` on top, and waits until it answers. */
export async function startOwnServer(name: string, port: number, env: Record<string, string>): Promise<OwnServer> {
  const root = process.cwd();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = path.join(root, `.data/e2e-${name}-${port}`);
  const log = `${dataDir}.log`;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.lock`, { force: true });
  const out = openSync(log, "w");
  const server: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", out, out],
    env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PGLITE_DATA_DIR: dataDir, SEED_DEMO: "true", AUTH_URL: url, ...env },
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, stop: () => server.kill("SIGTERM") };
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill("SIGTERM");
  throw new Error(`the ${name} server did not start; its log:\n${readFileSync(log, "utf8").slice(-2000)}`);
}
