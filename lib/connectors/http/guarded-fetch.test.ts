// The guarded transport against local servers. One of them stands in for a CRM on the internet
// (the test's resolver names it and the policy calls its address public); every other local
// address stays private, as it is in production.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectorBlockedError, ConnectorRedirectError } from "../errors";
import { fetchJson } from "./fetch-json";
import { createGuardedFetch } from "./guarded-fetch";

type Local = { port: number; requests: { host?: string; url?: string }[]; close: () => Promise<void> };
const servers: Local[] = [];

async function serve(address: string, handler: http.RequestListener): Promise<Local> {
  const requests: Local["requests"] = [];
  const server = http.createServer((req, res) => {
    requests.push({ host: req.headers.host, url: req.url });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // the guarded transport keeps connections alive
    });
  const local = { port: (server.address() as AddressInfo).port, requests, close };
  servers.push(local);
  return local;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

let lookups = 0;
/** crm.test is known only to this resolver; 127.0.0.1 is "the internet", 127.0.0.2 stays private. */
const internet = {
  allowPrivate: false,
  allowHttp: true,
  resolve: async (hostname: string) => {
    lookups++;
    if (hostname !== "crm.test") throw Object.assign(new Error(`${hostname} unknown`), { code: "ENOTFOUND" });
    return [{ address: "127.0.0.1", family: 4 as const }];
  },
  treatAsPublic: (address: string) => address === "127.0.0.1",
};
const options = { timeoutMs: 2000, host: "crm.test", crmName: "test CRM" };

describe("guardedFetch", () => {
  it("connects to the address it checked, once resolved: crm.test is unknown to the system's own resolver", async () => {
    const crm = await serve("127.0.0.1", (_req, res) => res.end(JSON.stringify({ result: { ID: "1" } })));
    lookups = 0;
    const answer = await fetchJson(`http://crm.test:${crm.port}/rest/profile`, { method: "POST", body: "{}" }, { ...options, fetch: createGuardedFetch(internet) });
    expect(answer).toMatchObject({ status: 200, json: { result: { ID: "1" } } });
    expect(crm.requests).toEqual([{ host: `crm.test:${crm.port}`, url: "/rest/profile" }]);
    expect(lookups).toBe(1);
  });

  it("refuses before connecting when the name resolves to a private address", async () => {
    const inside = await serve("127.0.0.1", (_req, res) => res.end("{}"));
    const guarded = createGuardedFetch({ ...internet, treatAsPublic: () => false });
    const error = await fetchJson(`http://crm.test:${inside.port}/`, {}, { ...options, fetch: guarded }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorBlockedError);
    expect(error).toMatchObject({ kind: "blocked", reason: "private_address", retryable: false });
    expect(inside.requests).toEqual([]);
  });

  it("never follows a redirect: one to a private address is reported by host and never requested", async () => {
    const inside = await serve("127.0.0.2", (_req, res) => res.end('{"secret":"internal"}'));
    const crm = await serve("127.0.0.1", (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${inside.port}/admin?token=abc` });
      res.end();
    });
    for (const method of ["GET", "POST"]) {
      const error = await fetchJson(`http://crm.test:${crm.port}/api/v4/account`, { method }, { ...options, fetch: createGuardedFetch(internet) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorRedirectError);
      expect(error).toMatchObject({ kind: "redirected", host: "crm.test", targetHost: `127.0.0.2:${inside.port}` });
      expect((error as Error).message).not.toContain("token=abc");
    }
    expect(crm.requests.length).toBe(2);
    expect(inside.requests).toEqual([]);
  });

  it("hands back a gzip body decoded, and times out a server that never answers", async () => {
    const crm = await serve("127.0.0.1", (req, res) => {
      if (req.url === "/slow") return; // never answers
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ result: "сжато" })));
    });
    const guarded = createGuardedFetch(internet);
    expect((await fetchJson(`http://crm.test:${crm.port}/zip`, {}, { ...options, fetch: guarded })).json).toEqual({ result: "сжато" });
    const error = await fetchJson(`http://crm.test:${crm.port}/slow`, {}, { ...options, timeoutMs: 300, fetch: guarded }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout" });
  });

  it("refuses plain http without ALLOW_PRIVATE_CRM_URLS, and loopback with it off", async () => {
    const crm = await serve("127.0.0.1", (_req, res) => res.end("{}"));
    const strict = createGuardedFetch({ allowPrivate: false });
    await expect(strict(`http://127.0.0.1:${crm.port}/`)).rejects.toMatchObject({ reason: "insecure_url" });
    await expect(strict(`https://127.0.0.1:${crm.port}/`)).rejects.toMatchObject({ reason: "private_address" });
    await expect(strict(`https://localhost:${crm.port}/`)).rejects.toMatchObject({ reason: "private_address" });
    expect(crm.requests).toEqual([]);
    const open = createGuardedFetch({ allowPrivate: true });
    expect((await open(`http://127.0.0.1:${crm.port}/`)).status).toBe(200);
  });
});
