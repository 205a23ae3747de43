"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { nextCookieJar, supabaseAuth } from "@/lib/auth/supabase/client";
import { signOutOfSupabase } from "@/lib/auth/supabase/sign-in";
import { env } from "@/lib/env";

/**
 * Auth.js ends this session server-side before it clears the cookie (its signOut event, in
 * lib/auth/auth.ts): a page request in flight during sign-out can renew the cookie, and that renewed
 * cookie must not sign the person back in. The person's sessions on other devices go on.
 * With Supabase Auth, its logout revokes this session's refresh token and Voronka ends the session too.
 */
export async function signOutAction() {
  if (env.AUTH_PROVIDER === "supabase") {
    await signOutOfSupabase(await getDb(), await supabaseAuth(await nextCookieJar()));
    redirect("/login");
  }
  await signOut({ redirectTo: "/login" });
}
