// The viewer of a page (server components and server actions), from the Auth.js session.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./auth";
import { can, type Action } from "./permissions";
import { sessionClaims } from "./sessions";
import { loadViewer, type Viewer } from "./viewer";

/** Once per request: the layout, the tab title and the page all ask for the viewer. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadViewer(await getDb(), userId, sessionClaims(session));
});

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
