// Saved views of dashboards (docs/api.md, "Saved views API"): the caller's own and those shared with them.
import { apiRoute, readJson } from "@/lib/api/handler";
import { createSavedView } from "@/lib/saved-views/save";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { createSavedViewSchema } from "@/lib/saved-views/schemas";

export const GET = apiRoute("views:manage-own", async ({ viewer, db }) => ({ views: await listSavedViews(db, viewer) }));

export const POST = apiRoute("views:manage-own", async ({ request, viewer, db }) => {
  const view = await createSavedView(db, viewer, await readJson(request, createSavedViewSchema));
  return Response.json({ view }, { status: 201 });
});
