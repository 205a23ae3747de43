"use server";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { auth, signOut } from "@/lib/auth/auth";

/**
 * Ends the session server-side before clearing the cookie: a page request in flight during sign-out
 * can renew the cookie, and that renewed cookie must not sign the person back in.
 */
export async function signOutAction() {
  const userId = (await auth())?.user?.id;
  if (userId) await (await getDb()).update(users).set({ sessionsValidAfter: new Date() }).where(eq(users.id, userId));
  await signOut({ redirectTo: "/login" });
}
