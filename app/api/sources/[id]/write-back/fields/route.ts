// POST /api/sources/<id>/write-back/fields: creates a field for one Voronka value in the CRM
// (Bitrix24 crm.{deal,contact}.userfield.add, amoCRM POST /api/v4/{leads,contacts}/custom_fields)
// and maps the value to it; answers the new field and the stored mapping. Audited.
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createWriteBackField } from "@/lib/write-back/new-field";
import { newFieldInputSchema } from "@/lib/write-back/schemas";

export const POST = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const sourceId = z.uuid("must be a source id").parse(params.id);
  const input = await readJson(request, newFieldInputSchema);
  return Response.json(await createWriteBackField(db, viewer, sourceId, input), { status: 201 });
});
