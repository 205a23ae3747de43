// The one builder of the address a CRM, shop or form posts its webhooks to, as every page and answer
// shows it: /api/webhooks/<kind>/<source id>. A sender that signs nothing (the kind's descriptor
// says secretInUrl: amoCRM, a site form) has the source's secret as one more segment, shown only
// where an admin asked for it (creation, "Reveal", "Rotate") and hidden everywhere else. Bitrix24
// checks its application token and the shop signs its body, so their addresses hold no secret.
import { describeKind } from "@/lib/connectors/descriptors";
import { env } from "@/lib/env";
import type { SourceKind } from "@/db/schema";

export type InboundSource = { id: string; kind: SourceKind; webhookSecret: string };

/** What stands in for a hidden secret. */
export const HIDDEN_SECRET = "••••••••";

export function inboundWebhookUrl(origin: string, source: InboundSource, secret: "shown" | "hidden"): string {
  const path = `${origin.replace(/\/+$/, "")}/api/webhooks/${source.kind}/${source.id}`;
  if (!describeKind(source.kind).secretInUrl) return path;
  return `${path}/${secret === "shown" ? encodeURIComponent(source.webhookSecret) : HIDDEN_SECRET}`;
}

/**
 * Where a CRM must post: the configured public URL (APP_URL, else AUTH_URL) — a page opened at
 * localhost or an internal name must not hand out an address the CRM cannot reach — and without
 * one, the origin this request reached us at, behind a proxy too.
 */
export function requestOrigin(headers: Pick<Headers, "get">, fallback = "http://localhost:3000", configured = env.APP_URL ?? env.AUTH_URL): string {
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallback;
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** The same for an API request, falling back to its URL's origin when no Host header came. */
export const originOfRequest = (request: Request) => requestOrigin(request.headers, new URL(request.url).origin);
