// PATCH (suspend, resume, quotas) and DELETE of one organisation, by hosted mode's operator.
import { apiRoute, readJson, readOptionalJson } from "@/lib/api/handler";
import { assertOperator } from "@/lib/hosted/operator";
import { organisationDeleteSchema, organisationPatchSchema } from "@/lib/hosted/operator-schema";
import { deleteOrganisation, updateOrganisation } from "@/lib/hosted/organisations";

type Params = { id: string };

export const PATCH = apiRoute<Params>("org:read", async ({ request, viewer, db, params }) => {
  await assertOperator(db, viewer);
  return { organisation: await updateOrganisation(db, viewer, params.id, await readJson(request, organisationPatchSchema)) };
});

/** With a JSON body `{"confirmName"}` (the operator's page) the name must match; scripts may send none. */
export const DELETE = apiRoute<Params>("org:read", async ({ request, viewer, db, params }) => {
  await assertOperator(db, viewer);
  const body = await readOptionalJson(request, organisationDeleteSchema);
  await deleteOrganisation(db, viewer, params.id, body?.confirmName);
  return new Response(null, { status: 204 });
});
