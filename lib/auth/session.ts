// The viewer of a page (server components and server actions): the provider (Auth.js, or Supabase
// Auth with AUTH_PROVIDER=supabase) says which user is signed in; loadViewer builds the Viewer.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { auth } from "./auth";
import { can, type Action } from "./permissions";
import { sessionClaims } from "./sessions";
import { nextCookieJar, supabaseAuth } from "./supabase/client";
import { supabaseSignedInUser, type SignedInUser } from "./supabase/sign-in";
import { loadViewer, type Viewer } from "./viewer";

/** Once per request: the layout, the tab title and the page all ask for the viewer. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const db = await getDb();
  const signedIn = env.AUTH_PROVIDER === "supabase" ? await supabaseSignedInUser(db, await supabaseAuth(await nextCookieJar())) : await nextAuthUser();
  return signedIn ? loadViewer(db, signedIn.userId, signedIn.claims) : null;
});

async function nextAuthUser(): Promise<SignedInUser | null> {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? { userId, claims: sessionClaims(session) } : null;
}

/** The viewer, or a redirect to the sign-in page (also when the account has been disabled). */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** The viewer when their role allows the action; otherwise the page does not exist for them. */
export async function requirePermission(action: Action): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer.role, action)) notFound();
  return viewer;
}
