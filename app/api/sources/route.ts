import { apiRoute, readJson } from "@/lib/api/handler";
import { createSource, listSources } from "@/lib/sources/manage-sources";
import { createSourceSchema } from "@/lib/sources/schemas";

/** Every source of the organisation, without credentials. */
export const GET = apiRoute("sources:manage", async ({ request, viewer, db }) => ({ sources: await listSources(db, viewer.orgId, new URL(request.url).origin) }));

export const POST = apiRoute("sources:manage", async ({ request, viewer, db }) => {
  const created = await createSource(db, viewer, await readJson(request, createSourceSchema), new URL(request.url).origin);
  return Response.json(created, { status: 201 });
});
