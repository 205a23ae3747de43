// A production server of this app as a child process, for the SIGKILL test and the ingest benchmark:
// both need the real `npm start` server (scripts/serve.mjs: Next behind the direct webhook
// listener) that they can kill or load, on a port nobody else holds.
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

/** Starts the production server (a build must exist) and waits until /api/health answers 200. */
export async function startProductionServer(options: { port: number; env: Record<string, string>; stdio: "inherit-errors" | "pipe"; timeoutMs: number }): Promise<{ origin: string; child: ChildProcess }> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-H", "127.0.0.1", "-p", String(options.port), "--keepAliveTimeout", "120000"], {
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
