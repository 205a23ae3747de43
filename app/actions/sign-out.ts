"use server";
import { getDb } from "@/db/client";
import { auth, signOut } from "@/lib/auth/auth";
import { endSession, sessionClaims } from "@/lib/auth/sessions";

/**
 * Ends this session server-side before clearing the cookie: a page request in flight during
 * sign-out can renew the cookie, and that renewed cookie must not sign the person back in. The
 * person's sessions on other devices go on.
 */
export async function signOutAction() {
  const session = await auth();
  const userId = session?.user?.id;
  if (userId) await endSession(await getDb(), userId, sessionClaims(session));
  await signOut({ redirectTo: "/login" });
}
