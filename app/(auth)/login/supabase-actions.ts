"use server";
// Signing in with Supabase Auth (AUTH_PROVIDER=supabase): one form, two buttons — the password, or
// a magic link to the e-mail. Supabase's cookies are written through Next's cookie store.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { isSameSitePath } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";
import { nextCookieJar, supabaseAuth } from "@/lib/auth/supabase/client";
import { sendSupabaseMagicLink, signInWithSupabasePassword } from "@/lib/auth/supabase/sign-in";
import { env } from "@/lib/env";
import type { ErrorCode } from "@/lib/error-codes";
import { requestOrigin } from "@/lib/sources/inbound-url";

export type SupabaseSignInState = { error?: ErrorCode; linkSentTo?: string; email?: string };

const field = (form: FormData, name: string, max: number) => String(form.get(name) ?? "").trim().slice(0, max);

export async function supabaseSignInAction(_previous: SupabaseSignInState, form: FormData): Promise<SupabaseSignInState> {
  const email = field(form, "email", 320);
  const callbackUrl = field(form, "callbackUrl", 2000);
  const next = isSameSitePath(callbackUrl) ? callbackUrl : "/";
  const db = await getDb();
  const auth = await supabaseAuth(await nextCookieJar());
  const requestHeaders = await headers();

  if (form.get("intent") === "link") {
    if (!email.includes("@")) return { error: "validation_error", email };
    // Supabase allows only the redirect URLs listed in its dashboard (docs/deploy.md, "Supabase Auth").
    const origin = requestOrigin(requestHeaders, "http://localhost:3000", env.AUTH_URL ?? env.APP_URL);
    const sent = await sendSupabaseMagicLink(db, auth, email, `${origin}/auth/callback?${new URLSearchParams({ next })}`);
    return sent.ok ? { linkSentTo: email, email } : { error: sent.code, email };
  }

  const password = String(form.get("password") ?? "").slice(0, 200);
  if (!email || !password) return { error: "invalid_credentials", email };
  const result = await signInWithSupabasePassword(db, auth, email, password, { address: clientAddress(requestHeaders) });
  if (!result.ok) return { error: result.code, email };
  redirect(next);
}
