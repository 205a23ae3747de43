// GET /api/embed-links: the organisation's live embed links and the CRM origins that may frame them;
// POST: a new signed, expiring link for one dashboard (docs/tv-and-embed.md).
import { apiRoute, readJson } from "@/lib/api/handler";
import { createEmbedLink, listEmbedLinks } from "@/lib/displays/embed-links";
import { crmFrameOrigins } from "@/lib/displays/frame-origins";
import { createEmbedLinkSchema } from "@/lib/displays/schemas";

export const GET = apiRoute("displays:manage", async ({ viewer, db }) => ({
  links: await listEmbedLinks(db, viewer),
  frameOrigins: await crmFrameOrigins(db, viewer.orgId),
}));

export const POST = apiRoute("displays:manage", async ({ request, viewer, db }) => {
  const input = await readJson(request, createEmbedLinkSchema);
  return Response.json(await createEmbedLink(db, viewer, input), { status: 201 });
});
