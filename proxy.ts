// Runs before every page and API route. It refuses what Next would mishandle (lib/http/request-guards.ts),
// gives each page its Content Security Policy with a fresh nonce, and sends unsigned visitors to
// /login. API routes answer 401 themselves (they also accept API tokens), so they pass through.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/handler";
import { auth } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { MalformedPathError } from "@/lib/http/request-errors";
import { refusalOf } from "@/lib/http/request-guards";
import { contentSecurityPolicy, HSTS } from "@/lib/http/security-headers";

/** Where an undecodable page address is sent: it matches no page, so Next renders the not-found page. */
const MALFORMED_ADDRESS = "/_malformed-address";
// The not-found page too: `next dev` runs the proxy again for the address a rewrite gives.
const PUBLIC_PAGES = new Set(["/login", MALFORMED_ADDRESS]);

// Typed as a route handler by TypeScript's first matching overload of `auth`; at run time both are the same wrapper.
const pages = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (!request.auth && !PUBLIC_PAGES.has(pathname)) {
    const login = new URL("/login", request.nextUrl.origin);
    if (pathname + search !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  return withPolicy(request, (headers) => NextResponse.next({ request: { headers } }));
}) as unknown as NextMiddleware;

export function proxy(request: NextRequest, event: NextFetchEvent) {
  const pathname = request.nextUrl.pathname;
  const refusal = refusalOf(request, pathname);
  const isApi = pathname.startsWith("/api/");
  // A page address Next cannot decode gets the not-found page, in the viewer's language.
  if (refusal instanceof MalformedPathError && !isApi) return withPolicy(request, (headers) => NextResponse.rewrite(new URL(MALFORMED_ADDRESS, request.url), { request: { headers } }));
  if (refusal) return errorResponse(refusal);
  return isApi ? NextResponse.next() : pages(request, event);
}

/** The response `build` makes, with the page's policy on it and on the request (Next takes the nonce from there). */
function withPolicy(request: NextRequest, build: (headers: Headers) => NextResponse): NextResponse {
  const isHttps = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), { isDev: env.NODE_ENV === "development", isHttps });
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
