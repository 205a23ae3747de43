"use server";
import { signOut } from "@/lib/auth/auth";

/**
 * Auth.js ends this session server-side before it clears the cookie (its signOut event, in
 * lib/auth/auth.ts): a page request in flight during sign-out can renew the cookie, and that renewed
 * cookie must not sign the person back in. The person's sessions on other devices go on.
 */
export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
