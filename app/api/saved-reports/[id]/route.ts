import { apiRoute, readJson } from "@/lib/api/handler";
import { openSavedView } from "@/lib/saved-views/open";
import { deleteSavedView, updateSavedView } from "@/lib/saved-views/save";
import { updateSavedViewSchema } from "@/lib/saved-views/schemas";

/** The view, and where it opens for this caller: its filters narrowed to the caller's own scope. */
export const GET = apiRoute<{ id: string }>("views:manage-own", async ({ params, viewer, db }) => openSavedView(db, viewer, params.id));

export const PATCH = apiRoute<{ id: string }>("views:manage-own", async ({ request, params, viewer, db }) => ({
  view: await updateSavedView(db, viewer, params.id, await readJson(request, updateSavedViewSchema)),
}));

export const DELETE = apiRoute<{ id: string }>("views:manage-own", async ({ params, viewer, db }) => {
  await deleteSavedView(db, viewer, params.id);
  return new Response(null, { status: 204 });
});
