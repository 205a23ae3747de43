// Supabase Auth's server client (@supabase/ssr), one per request: it keeps the session in cookies
// and refreshes an expired one with its single-use refresh token. Where the cookies come from and go
// to differs: a route handler's request and response, Next's cookie store, or the proxy's request.
import type { CookieOptions } from "@supabase/ssr";
import type { SupabaseClient } from "@supabase/supabase-js";
import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { env } from "@/lib/env";

export type CookieToSet = { name: string; value: string; options: CookieOptions };

/** What the client reads its cookies from and writes them to. `headers` are the no-cache headers to put beside Set-Cookie. */
export type CookieJar = {
  getAll(): { name: string; value: string }[];
  setAll(cookies: CookieToSet[], headers: Record<string, string>): void;
};

export type SupabaseAuth = SupabaseClient["auth"];

/**
 * A new client for this request: never shared, since it holds this person's session. supabase-js
 * is loaded on first use, so a deployment on Auth.js never loads it (nor hears its warnings).
 */
export async function supabaseAuth(jar: CookieJar): Promise<SupabaseAuth> {
  if (!env.SUPABASE_URL || !env.SUPABASE_ANON_KEY) throw new Error("AUTH_PROVIDER=supabase needs SUPABASE_URL and SUPABASE_ANON_KEY");
  const { createServerClient } = await import("@supabase/ssr");
  return createServerClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, { cookies: jar, realtime: { transport: NoRealtime as never } }).auth;
}

/**
 * Only Auth is used, never Realtime; but supabase-js builds its Realtime client up front and, on
 * Node 20 (no global WebSocket), throws unless handed a transport. This one is never opened.
 */
class NoRealtime {
  constructor() {
    throw new Error("Voronka does not use Supabase Realtime");
  }
}

/**
 * A jar over a request's Cookie header that keeps what the client writes, for the response the
 * caller builds (`applyTo`). Reads see the writes, as a browser's next request would.
 */
export function requestCookieJar(request: Request): CookieJar & { applyTo(response: NextResponse): NextResponse; written: CookieToSet[] } {
  const current = new Map(parseCookieHeader(request.headers.get("cookie") ?? "").map(({ name, value }) => [name, value]));
  const written: CookieToSet[] = [];
  const headers: Record<string, string> = {};
  return {
    written,
    getAll: () => [...current].map(([name, value]) => ({ name, value })),
    setAll(cookies, cacheHeaders) {
      for (const cookie of cookies) {
        written.push(cookie);
        if (cookie.value === "" || cookie.options.maxAge === 0) current.delete(cookie.name);
        else current.set(cookie.name, cookie.value);
      }
      Object.assign(headers, cacheHeaders);
    },
    applyTo(response) {
      for (const { name, value, options } of latestOfEach(written)) response.cookies.set(name, value, options);
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    },
  };
}

/** Next's cookie store (route handlers, server actions, server components). A server component may not set cookies: the proxy has refreshed the session before it runs. */
export async function nextCookieJar(): Promise<CookieJar> {
  const store = await cookies();
  return {
    getAll: () => store.getAll(),
    setAll(cookiesToSet) {
      try {
        for (const { name, value, options } of cookiesToSet) store.set(name, value, options);
      } catch {
        // Rendering a server component: cookies are read-only there.
      }
    },
  };
}

function parseCookieHeader(header: string): { name: string; value: string }[] {
  return header
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      const name = at < 0 ? part : part.slice(0, at);
      const raw = at < 0 ? "" : part.slice(at + 1);
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        // Not percent-encoded by us: kept as sent.
      }
      return { name, value };
    });
}

function latestOfEach(cookies: CookieToSet[]): CookieToSet[] {
  return [...new Map(cookies.map((cookie) => [cookie.name, cookie])).values()];
}
