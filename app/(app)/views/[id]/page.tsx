// A saved view's own address (the sidebar's pinned links): its dashboard with its filters, narrowed
// to the viewer's scope (lib/saved-views/open.ts).
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { landingHref, openSavedView } from "@/lib/saved-views/open";

export default async function SavedViewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const opened = await openSavedView(await getDb(), await requireViewer(), id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  redirect(landingHref(opened));
}
