// The one builder of the address a CRM or shop posts its webhooks to, as every page and answer
// shows it. amoCRM signs nothing, so its address carries the source's secret: shown only where an
// admin asked for it (creation, "Reveal", "Rotate"), hidden everywhere else. Bitrix24 checks its
// application token and the shop signs its body, so their addresses hold no secret. A site form
// (Tilda and the like) signs nothing either: its address carries the secret as amoCRM's does.
import { env } from "@/lib/env";
import type { SourceKind } from "@/db/schema";

export type InboundSource = { id: string; kind: SourceKind; webhookSecret: string };

/** What stands in for a hidden secret. */
export const HIDDEN_SECRET = "••••••••";

export function inboundWebhookUrl(origin: string, source: InboundSource, secret: "shown" | "hidden"): string {
  const base = origin.replace(/\/+$/, "");
  switch (source.kind) {
    case "bitrix24":
      return `${base}/api/webhooks/bitrix24/${source.id}`;
    case "amocrm":
      return `${base}/api/webhooks/amocrm/${source.id}/${secret === "shown" ? encodeURIComponent(source.webhookSecret) : HIDDEN_SECRET}`;
    case "shop":
      return `${base}/api/webhooks/shop/${source.id}`;
    case "form":
      return `${base}/api/webhooks/form/${source.id}/${secret === "shown" ? encodeURIComponent(source.webhookSecret) : HIDDEN_SECRET}`;
  }
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
