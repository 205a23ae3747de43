// The transport every CRM request takes: a `fetch` whose target is checked by the outbound guard
// and whose connection is pinned to the addresses checked (a second DNS answer — rebinding —
// never gets a say). Built on node:http(s) because their `lookup` option is where that pin goes.
// Redirects are never followed; the answer is handed back as it came.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { env } from "@/lib/env";
import { checkOutboundUrl, type OutboundPolicy, type ResolvedAddress } from "./outbound-guard";

/** A CRM page is a few MB at most; a server that sends more is not a CRM. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** `policy` defaults to ALLOW_PRIVATE_CRM_URLS, read at each call. */
export function createGuardedFetch(policy?: Partial<OutboundPolicy>): typeof fetch {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const addresses = await checkOutboundUrl(url, { ...policy, allowPrivate: policy?.allowPrivate ?? env.ALLOW_PRIVATE_CRM_URLS });
    return send(url, init, addresses);
  };
}

export const guardedFetch = createGuardedFetch();

function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options === "object" ? options.family : undefined;
    const usable = addresses.filter((a) => !family || family === a.family || family === `IPv${a.family}`);
    if (usable.length === 0) return callback(Object.assign(new Error("no checked address of that family"), { code: "ENOTFOUND" }), "", 0);
    if (typeof options === "object" && options.all) return (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, usable);
    callback(null, usable[0].address, usable[0].family);
  };
}

function send(url: URL, init: RequestInit, addresses: ResolvedAddress[]): Promise<Response> {
  if (init.body != null && typeof init.body !== "string") throw new TypeError("guardedFetch sends string bodies only");
  const isHttps = url.protocol === "https:";
  const headers = new Headers(init.headers);
  headers.set("accept-encoding", "gzip, deflate, br");
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    let isSettled = false;
    const settle = (outcome: () => void) => {
      if (isSettled) return;
      isSettled = true;
      signal?.removeEventListener("abort", onAbort);
      outcome();
    };
    const request = (isHttps ? https : http).request(url, {
      method: init.method ?? "GET",
      headers: Object.fromEntries(headers),
      agent: isHttps ? agents.https : agents.http,
      lookup: pinnedLookup(addresses),
    });
    const fail = (error: unknown) => settle(() => {
      request.destroy();
      reject(error);
    });
    // The caller's timeout covers the whole exchange, the body included.
    const onAbort = () => fail(signal?.reason ?? Object.assign(new Error("aborted"), { name: "AbortError" }));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort);
    request.on("error", fail);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const decoder = decoderFor(response.headers["content-encoding"]);
      const stream = decoder ? response.pipe(decoder) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) fail(Object.assign(new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`), { code: "ERR_BODY_TOO_LARGE" }));
        else chunks.push(chunk);
      });
      stream.on("error", fail);
      response.on("close", () => {
        if (!response.complete) fail(Object.assign(new Error("the answer stopped half-way"), { code: "ECONNRESET" }));
      });
      stream.on("end", () =>
        settle(() => {
          const hasNoBody = status === 204 || status === 205 || status === 304;
          try {
            resolve(new Response(hasNoBody ? null : Buffer.concat(chunks), { status: status >= 200 && status <= 599 ? status : 502, headers: responseHeaders(response.headers) }));
          } catch (error) {
            reject(error);
          }
        }),
      );
    });
    request.end(init.body ?? undefined);
  });
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      return null;
  }
}

/** A header a stricter parser would refuse is dropped rather than failing the whole answer. */
function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (name === "content-encoding" || name === "content-length") continue; // the body is handed back decoded
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      try {
        headers.append(name, one);
      } catch {
        // skipped
      }
    }
  }
  return headers;
}
