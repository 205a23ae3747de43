// Webhooks answered straight from Node's HTTP server, before Next's router sees them: under load,
// Next's request pipeline alone cost more of the server thread's CPU per webhook than our code did
// (docs/webhooks.md, "Speed"). The production server (scripts/serve.mjs) offers each request here
// first; the route handlers under app/api/webhooks stay for `next dev` and plain `next start`, and
// both ways go through the same takeDelivery.
import type { IncomingMessage, ServerResponse } from "node:http";
import { describeKind, isSourceKind } from "@/lib/connectors/descriptors";
import { errorMessage } from "@/lib/error-text";
import { API_HEADERS } from "@/lib/http/security-headers";
import { deliveryFromNode } from "./delivery";
import { takeDelivery } from "./handle-webhook";
import type { WebhookTarget } from "./receive-webhook";
import { processSlot } from "@/lib/process-slot";

const PREFIX = "/api/webhooks/";

/** The target of a webhook path, as the route files under app/api/webhooks match it; null for any other path. */
export function webhookTargetOf(url: string): WebhookTarget | null {
  if (!url.startsWith(PREFIX)) return null;
  const query = url.indexOf("?");
  const parts = url.slice(PREFIX.length, query === -1 ? undefined : query).split("/");
  let segments: string[];
  try {
    segments = parts.map(decodeURIComponent);
  } catch {
    return null; // malformed escapes: proxy.ts answers those
  }
  if (segments.some((segment) => segment === "")) return null;
  const [kind, sourceId, urlSecret] = segments;
  if (!isSourceKind(kind)) return null;
  // A sender that signs nothing has the secret as a third segment (lib/sources/inbound-url.ts).
  const { secretInUrl } = describeKind(kind);
  if (segments.length !== (secretInUrl ? 3 : 2)) return null;
  return secretInUrl ? { kind, sourceId, urlSecret } : { kind, sourceId };
}

/** Answers the request when it is a webhook delivery and returns true; false leaves it to Next. */
export function serveWebhookDirectly(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST" || !request.url) return false;
  const target = webhookTargetOf(request.url);
  if (!target) return false;
  void takeDelivery(target, deliveryFromNode(request))
    .then(({ status, payload }) => {
      const isText = typeof payload === "string";
      const body = isText ? payload : JSON.stringify(payload);
      // The headers next.config.ts gives every other /api answer. A refused oversized body may still
      // be arriving: closing the connection stops it.
      response.writeHead(status, { ...API_HEADERS, "content-type": isText ? "text/plain; charset=utf-8" : "application/json", "content-length": Buffer.byteLength(body), ...(status === 413 ? { connection: "close" } : {}) });
      response.end(body);
    })
    .catch((error: unknown) => {
      // takeDelivery answers every failure itself; this is only for a fault in writing the answer.
      console.error("[webhooks] answering failed", errorMessage(error));
      response.destroy();
    });
  return true;
}

type DirectListener = (request: IncomingMessage, response: ServerResponse) => boolean;
const slot = processSlot<DirectListener>("DirectWebhooks"); // scripts/serve.mjs reads it by this name

/**
 * Called at server start (instrumentation): scripts/serve.mjs loads no code of ours, so it finds
 * the listener here, in the process's one globalThis.
 */
export function offerDirectWebhookListener(): void {
  slot.set(serveWebhookDirectly);
}
