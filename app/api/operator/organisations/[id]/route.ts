// PATCH (suspend, resume, quotas) and DELETE of one organisation, by hosted mode's operator.
import { apiRoute, readJson } from "@/lib/api/handler";
import { assertOperator } from "@/lib/hosted/operator";
import { organisationPatchSchema } from "@/lib/hosted/operator-schema";
import { deleteOrganisation, updateOrganisation } from "@/lib/hosted/organisations";

type Params = { id: string };

export const PATCH = apiRoute<Params>("org:read", async ({ request, viewer, db, params }) => {
  await assertOperator(db, viewer);
  return { organisation: await updateOrganisation(db, viewer, params.id, await readJson(request, organisationPatchSchema)) };
});

export const DELETE = apiRoute<Params>("org:read", async ({ viewer, db, params }) => {
  await assertOperator(db, viewer);
  await deleteOrganisation(db, viewer, params.id);
  return new Response(null, { status: 204 });
});
