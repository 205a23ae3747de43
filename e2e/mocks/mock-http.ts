// What both mock CRMs share: starting a node:http server, reading bodies, switchable faults
// (a share of 5xx, hangs, truncated JSON, a rate-limit storm) and the request counters.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sequence } from "./random";

export type MockFaults = {
  /** Share (0–1) of requests answered 500 with an HTML page. */
  serverErrorRate?: number;
  /** Share of requests that get no answer at all (the client must time out). */
  hangRate?: number;
  /** Share of requests answered 200 with the JSON cut in half. */
  truncateRate?: number;
  /** The next N requests are refused as over the rate limit. */
  rateLimitStorm?: number;
  /** The current access token stops working after N more requests (expired). */
  expireTokenAfter?: number;
  /** Every request is answered 403 (account blocked / IP ban). */
  banned?: boolean;
  /** Every request is answered 402 (subscription ended). */
  paymentRequired?: boolean;
};

export type MockStats = {
  requests: number;
  /** Refused by the rate limiter (not counting an injected storm). */
  refused: number;
  /** When each refusal happened, in ms since the first request. */
  refusedAt: number[];
  injected: { serverError: number; hang: number; truncated: number; storm: number; expired: number };
  refreshes: number;
  byMethod: Record<string, number>;
  /** Rows served by list calls, per entity. */
  rowsServed: Record<string, number>;
  firstRequestAt?: number;
};

export function newStats(): MockStats {
  return { requests: 0, refused: 0, refusedAt: [], injected: { serverError: 0, hang: 0, truncated: 0, storm: 0, expired: 0 }, refreshes: 0, byMethod: {}, rowsServed: {} };
}

/** Refusals by the rate limiter after the first `ms` of traffic. */
export function refusedAfter(stats: MockStats, ms: number): number {
  return stats.refusedAt.filter((at) => at > ms).length;
}

export type FaultDecision = "none" | "server_error" | "hang" | "truncate" | "storm";

/** Decides, per request, which injected fault (if any) applies. Deterministic for a seed. */
export function faultPicker(seed: number) {
  const random = sequence(seed);
  return (faults: MockFaults, stats: MockStats): FaultDecision => {
    if (faults.rateLimitStorm && faults.rateLimitStorm > 0) {
      faults.rateLimitStorm--;
      stats.injected.storm++;
      return "storm";
    }
    const r = random();
    let edge = faults.serverErrorRate ?? 0;
    if (r < edge) return (stats.injected.serverError++, "server_error");
    edge += faults.hangRate ?? 0;
    if (r < edge) return (stats.injected.hang++, "hang");
    edge += faults.truncateRate ?? 0;
    if (r < edge) return (stats.injected.truncated++, "truncate");
    return "none";
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, opts: { truncate?: boolean; contentType?: string } = {}): void {
  let text = JSON.stringify(body);
  if (opts.truncate) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.writeHead(status, { "Content-Type": opts.contentType ?? "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: http.ServerResponse, status: number, title: string): void {
  const text = `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { "Content-Type": "text/html", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export type StartedServer = { url: string; port: number; close(): Promise<void> };

/** Listens on 127.0.0.1 (port 0 = a free one); close() also drops hanging requests. */
export async function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>, port = 0): Promise<StartedServer> {
  const server = http.createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      console.error("[mock] handler failed", error);
      if (!res.headersSent) sendJson(res, 500, { error: "MOCK_FAILURE", error_description: String(error) });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
