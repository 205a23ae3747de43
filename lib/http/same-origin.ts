// Cross-site request forgery: a write that a browser sends with the session cookie must come from
// a page of this app. Browsers name the page that sent a request in `Origin` (every POST, PUT,
// PATCH and DELETE, same-origin ones too) and, since 2020, say how it relates to the target in
// `Sec-Fetch-Site`; neither can be set by a script of another site. One rule for API routes
// (lib/api/handler.ts) and server actions (proxy.ts).
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * True when `Origin` names this app and `Sec-Fetch-Site`, when sent, says same-origin. A missing
 * Origin is refused: every browser sends one on a write, so only a hand-made request lacks it.
 * "This app" is the host the request was sent to (`X-Forwarded-Host` from a proxy, else `Host`,
 * else the URL's) or the public URL in AUTH_URL, for a proxy that rewrites `Host`.
 */
export function isSameOriginRequest(request: Pick<Request, "headers" | "url">, publicUrl = env.AUTH_URL): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = hostOf(request.headers.get("origin"));
  return origin !== null && ownHosts(request, publicUrl).includes(origin);
}

function ownHosts(request: Pick<Request, "headers" | "url">, publicUrl: string | undefined): string[] {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0].trim().toLowerCase();
  return [forwarded, request.headers.get("host")?.toLowerCase(), hostOf(request.url), hostOf(publicUrl ?? null)].filter((host): host is string => Boolean(host));
}

/** The host (with its port) of an absolute http(s) URL; null for "null", a path or anything unparsable. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}
