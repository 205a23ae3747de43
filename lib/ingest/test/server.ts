// A production server of this app as a child process, for the SIGKILL test and the ingest benchmark:
// both need a real `next start` they can kill or load, on a port nobody else holds.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `next start` (a build must exist) and waits until /api/health answers 200. */
export async function startNextServer(options: { port: number; env: Record<string, string>; stdio: "inherit-errors" | "pipe"; timeoutMs: number }): Promise<{ origin: string; child: ChildProcess }> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(options.port), "--keepAliveTimeout", "120000"], {
    env: { ...process.env, ...options.env, NODE_ENV: "production" },
    stdio: options.stdio === "pipe" ? ["ignore", "pipe", "pipe"] : ["ignore", "ignore", "inherit"],
  });
  const until = Date.now() + options.timeoutMs;
  while (Date.now() < until) {
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return { origin, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not become healthy");
}
