import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { runOnAfterResponse } from "@/lib/api/run-on";
import { getFieldMapping, saveFieldMapping } from "@/lib/sources/field-mapping";
import { fieldMappingSchema, mappingOfInput } from "@/lib/sources/field-mapping-schema";

export const maxDuration = 300;

const idSchema = z.uuid("must be a source id");

/** amoCRM: the account's lead fields by name and which of them each UTM tag, the referrer and each click id is read from. */
export const GET = apiRoute<{ id: string }>("sources:manage", async ({ viewer, db, params }) => {
  return Response.json(await getFieldMapping(db, viewer.orgId, idSchema.parse(params.id)));
});

/** Saves the mapping and starts the re-read (a full sync run): 202 with the run id; 409 sync_busy while a run is going. */
export const PUT = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const input = await readJson(request, fieldMappingSchema);
  const saved = await saveFieldMapping(db, viewer, idSchema.parse(params.id), mappingOfInput(input));
  if (saved.finished) runOnAfterResponse(saved.finished, "sync run");
  return Response.json({ mapping: saved.mapping, runId: saved.runId }, { status: 202 });
});
