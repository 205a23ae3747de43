// Runs before every page and API route. It refuses what Next would mishandle (lib/http/request-guards.ts),
// gives each page its Content Security Policy with a fresh nonce, and sends unsigned visitors to
// /login. API routes answer 401 themselves (they also accept API tokens), so they pass through.
// With AUTH_PROVIDER=supabase it also refreshes an expired Supabase session for pages and API
// routes alike, and writes the new cookies on the response: a server component cannot.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/handler";
import { auth } from "@/lib/auth/auth";
import { supabaseAuth, type CookieToSet } from "@/lib/auth/supabase/client";
import { getDb } from "@/db/client";
import { resolveEmbedLink } from "@/lib/displays/embed-links";
import { crmFrameOrigins } from "@/lib/displays/frame-origins";
import { invalidEmbedHtml } from "@/lib/displays/invalid-embed";
import { DISPLAY_COOKIE } from "@/lib/displays/limits";
import { env } from "@/lib/env";
import { MalformedPathError } from "@/lib/http/request-errors";
import { refusalOf } from "@/lib/http/request-guards";
import { contentSecurityPolicy, HSTS } from "@/lib/http/security-headers";

/** Where an undecodable page address is sent: it matches no page, so Next renders the not-found page. */
/** A screen stays signed in as long as browsers let a cookie live (400 days); revoking the token ends it at once. */
const DISPLAY_COOKIE_SECONDS = 400 * 24 * 3600;
const MALFORMED_ADDRESS = "/_malformed-address";
// The not-found page too: `next dev` runs the proxy again for the address a rewrite gives.
// The magic link's callback (app/auth/callback) is where a signed-out visitor becomes signed in.
// A scheduled report's unsubscribe link works without signing in (its token is the proof).
// Hosted mode's sign-up and its confirmation link are for people with no account yet (they 404 with MULTI_ORG off).
// A TV screen (/tv) signs in with its display token, an embedded dashboard (/embed/<token>) with its signed address.
const PUBLIC_PAGES = new Set(["/login", "/auth/callback", "/unsubscribe", "/sign-up", "/sign-up/verify", "/tv", MALFORMED_ADDRESS]);
const isPublicPage = (pathname: string) => PUBLIC_PAGES.has(pathname);

function toLogin(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname + search !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

// Typed as a route handler by TypeScript's first matching overload of `auth`; at run time both are the same wrapper.
const pages = auth((request) => {
  if (!request.auth && !isPublicPage(request.nextUrl.pathname)) return toLogin(request);
  return withPolicy(request, (headers) => NextResponse.next({ request: { headers } }));
}) as unknown as NextMiddleware;

export function proxy(request: NextRequest, event: NextFetchEvent) {
  const pathname = request.nextUrl.pathname;
  const refusal = refusalOf(request, pathname);
  const isApi = pathname.startsWith("/api/");
  // A page address Next cannot decode gets the not-found page, in the viewer's language.
  if (refusal instanceof MalformedPathError && !isApi) return withPolicy(request, (headers) => NextResponse.rewrite(new URL(MALFORMED_ADDRESS, request.url), { request: { headers } }));
  if (refusal) return errorResponse(refusal);
  if (pathname === "/tv" && request.nextUrl.searchParams.has("token")) return enterDisplay(request);
  if (pathname.startsWith("/embed/")) return embedPage(request, pathname.slice("/embed/".length));
  if (env.AUTH_PROVIDER === "supabase") return supabasePages(request, isApi);
  return isApi ? NextResponse.next() : pages(request, event);
}

/**
 * The session is refreshed here (getSession refreshes an expired one; its refresh token is
 * single-use, so a parallel request that lost the race finds itself signed out and its cookies
 * cleared). The new cookies go both to the request, so the page or route reads the fresh session
 * and does not refresh again, and to the response, with the no-cache headers @supabase/ssr hands
 * over so no CDN serves one person's Set-Cookie to another. Whether the session is genuine is
 * checked where it is used (getClaims, in lib/auth/session.ts and lib/api/viewer-from-request.ts).
 */
async function supabasePages(request: NextRequest, isApi: boolean): Promise<NextResponse> {
  const written: CookieToSet[] = [];
  const cacheHeaders: Record<string, string> = {};
  const supabase = await supabaseAuth({
    getAll: () => request.cookies.getAll(),
    setAll(cookies, headers) {
      for (const cookie of cookies) {
        if (cookie.value === "") request.cookies.delete(cookie.name);
        else request.cookies.set(cookie.name, cookie.value);
      }
      written.push(...cookies);
      Object.assign(cacheHeaders, headers);
    },
  });
  const hasSession = await supabase.getSession().then(
    ({ data }) => data.session !== null,
    (error: unknown) => {
      // Supabase Auth unreachable mid-refresh: the page's own check decides, the cookies stay as they are.
      console.error("[auth] Supabase session refresh failed", error instanceof Error ? error.name : typeof error);
      return false;
    },
  );
  const response = isApi
    ? NextResponse.next({ request: { headers: request.headers } })
    : !hasSession && !isPublicPage(request.nextUrl.pathname)
      ? toLogin(request)
      : withPolicy(request, (headers) => NextResponse.next({ request: { headers } }));
  for (const { name, value, options } of written) response.cookies.set(name, value, options);
  for (const [name, value] of Object.entries(cacheHeaders)) response.headers.set(name, value);
  return response;
}

function isHttpsRequest(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}

/**
 * /tv?token=…: the screen keeps its display token in an httpOnly cookie (the page and GET /api/live
 * read it there; an EventSource cannot send a header) and the address loses it, so the token is
 * not left on the screen, in the history or in a Referer.
 */
function enterDisplay(request: NextRequest): NextResponse {
  const isHttps = isHttpsRequest(request);
  const response = NextResponse.redirect(new URL("/tv", request.nextUrl.origin), 303);
  const token = request.nextUrl.searchParams.get("token") ?? "";
  response.cookies.set(DISPLAY_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: isHttps, path: "/", maxAge: DISPLAY_COOKIE_SECONDS });
  return response;
}

/**
 * An embedded dashboard needs no session: its signed address is the proof. A valid one may be framed
 * by its organisation's CRM origins only; a damaged, expired or revoked one is a 401 page that
 * nobody may frame (app/embed/[token]/page.tsx draws the dashboard).
 */
async function embedPage(request: NextRequest, token: string): Promise<NextResponse> {
  const db = await getDb();
  const link = await resolveEmbedLink(db, token);
  if (!link) return withPolicy(request, () => new NextResponse(invalidEmbedHtml(), { status: 401, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } }));
  const origins = await crmFrameOrigins(db, link.orgId);
  return withPolicy(request, (headers) => NextResponse.next({ request: { headers } }), origins);
}

/** The response `build` makes, with the page's policy on it and on the request (Next takes the nonce from there). */
function withPolicy(request: NextRequest, build: (headers: Headers) => NextResponse, frameAncestors?: string[]): NextResponse {
  const isHttps = isHttpsRequest(request);
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), { isDev: env.NODE_ENV === "development", isHttps, frameAncestors });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = build(headers);
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Not static files: they need no policy, and Next serves them before any page code.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|fonts).*)"],
};
