// GET /api/sources/<id>/write-back/dry-run: how many deals (amoCRM: leads), contacts and values a
// pass would write now with the stored mapping — whether or not writing is on. Nothing is written.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { dryRunWriteBack } from "@/lib/write-back/manage";

export const GET = apiRoute<{ id: string }>("sources:manage", async ({ viewer, db, params }) => {
  return Response.json(await dryRunWriteBack(db, viewer.orgId, z.uuid("must be a source id").parse(params.id)));
});
