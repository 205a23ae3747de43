// GET/PUT /api/sources/<id>/write-back: the CRM's fields to write into (deal/lead and contact), the
// mapping, the switch and the outbox's state; saving a mapping with the switch on starts a pass.
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { runOnAfterResponse } from "@/lib/api/run-on";
import { getWriteBack, runWriteBack, saveWriteBack } from "@/lib/write-back/manage";
import { settingsOfInput, writeBackInputSchema } from "@/lib/write-back/schemas";

export const maxDuration = 300;

const idSchema = z.uuid("must be a source id");

export const GET = apiRoute<{ id: string }>("sources:manage", async ({ viewer, db, params }) => {
  return Response.json(await getWriteBack(db, viewer.orgId, idSchema.parse(params.id)));
});

export const PUT = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const sourceId = idSchema.parse(params.id);
  const input = await readJson(request, writeBackInputSchema);
  const saved = await saveWriteBack(db, viewer, sourceId, settingsOfInput(input));
  if (saved.isEnabled) runOnAfterResponse(runWriteBack(db, viewer.orgId, sourceId), "write-back pass");
  return Response.json(saved);
});
