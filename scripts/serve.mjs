// @ts-check
// The production server (`npm start`): Next's own request handler behind a Node HTTP server that
// first offers each request to the app's direct webhook listener. Webhooks then skip Next's router,
// whose per-request cost alone capped the acknowledgements (lib/ingest/receive/direct-listener.ts,
// docs/webhooks.md "Speed"). Everything else is served by Next exactly as under
// `next start`, whose options this takes: -p/--port, -H/--hostname, --keepAliveTimeout (ms).
//
// Plain JavaScript on purpose: it runs with bare `node` and loads none of the app's modules, so the
// app keeps one module graph (Next's); the listener is found on globalThis once instrumentation ran.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    keepAliveTimeout: { type: "string" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Like `next start`, not the HOSTNAME variable: containers set it to their own name.
const hostname = values.hostname ?? "0.0.0.0";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[voronka] not a port: ${values.port ?? process.env.PORT}`);
  process.exit(1);
}

// As `next start` does: production React, whatever the shell says.
Object.assign(process.env, { NODE_ENV: "production" });
// The configuration the build resolved, read from the build as Next's own standalone server.js
// does: the same in the repository (`npm start`) and in the container image (.next/standalone,
// docs/deploy.md), which has no next.config.ts to load.
if (existsSync(".next/required-server-files.json")) {
  const { config } = JSON.parse(readFileSync(".next/required-server-files.json", "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
const { default: next } = await import("next");

/** @type {((request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => boolean) | undefined} */
let direct;
const server = createServer((request, response) => {
  // The socket's address joins X-Forwarded-For as a proxy's would, so the app knows who called
  // even when the caller wrote the header itself (lib/auth/client-address.ts). Next would keep a
  // caller's header as it came.
  const peer = request.socket.remoteAddress;
  const forwarded = request.headers["x-forwarded-for"];
  if (peer) request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  direct ??= /** @type {any} */ (globalThis).__voronkaDirectWebhooks;
  if (direct?.(request, response)) return;
  handle(request, response).catch((error) => {
    console.error("[voronka] request failed", error instanceof Error ? error.message : error);
    response.destroy();
  });
});
if (values.keepAliveTimeout) server.keepAliveTimeout = Number(values.keepAliveTimeout);

const app = next({ dev: false, dir: process.cwd(), hostname, port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();
server.listen(port, hostname, () => {
  console.info(`[voronka] ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  // As under `next start`: stop at once; whatever was unfinished is redone (the inbox keeps it pending).
  process.on(signal, () => process.exit(0));
}
