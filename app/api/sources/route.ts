import { apiRoute, readJson } from "@/lib/api/handler";
import { originOfRequest } from "@/lib/sources/inbound-url";
import { createSource, listSources } from "@/lib/sources/manage-sources";
import { addSourceSchema } from "@/lib/sources/schemas";

/** Every source of the organisation, without credentials or webhook secrets. */
export const GET = apiRoute("sources:manage", async ({ request, viewer, db }) => ({ sources: await listSources(db, viewer.orgId, originOfRequest(request)) }));

export const POST = apiRoute("sources:manage", async ({ request, viewer, db }) => {
  const created = await createSource(db, viewer, await readJson(request, addSourceSchema), originOfRequest(request));
  // The one unasked answer with the secret (amoCRM's address, a shop's signing key).
  return Response.json(created, { status: 201 });
});
