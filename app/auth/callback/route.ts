// Where a magic link lands (AUTH_PROVIDER=supabase): Supabase's /verify redirects here with ?code=
// (PKCE), which is exchanged for a session with the verifier this browser keeps in a cookie; then to
// the page the person was going to, or back to the sign-in page with the refusal's code.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { isSameSitePath } from "@/lib/auth/callback-url";
import { requestCookieJar, supabaseAuth } from "@/lib/auth/supabase/client";
import { completeSupabaseMagicLink, type SupabaseSignIn } from "@/lib/auth/supabase/sign-in";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  if (env.AUTH_PROVIDER !== "supabase") return new NextResponse(null, { status: 404 });
  const params = request.nextUrl.searchParams;
  const next = params.get("next") ?? "/";
  const target = isSameSitePath(next) ? next : "/";
  const code = params.get("code");
  const jar = requestCookieJar(request);
  // An expired or used link comes back with Supabase's error_code instead of a code.
  const result: SupabaseSignIn = code
    ? await completeSupabaseMagicLink(await getDb(), await supabaseAuth(jar), code)
    : { ok: false, code: params.get("error_code") === "otp_expired" ? "otp_expired" : "magic_link_invalid" };
  const location = result.ok ? target : `/login?${new URLSearchParams({ error: result.code, ...(target !== "/" ? { callbackUrl: target } : {}) })}`;
  // A relative Location: the browser resolves it against the address it opened, whatever proxies are in between.
  return jar.applyTo(new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } }));
}
