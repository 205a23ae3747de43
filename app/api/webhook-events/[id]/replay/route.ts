// POST /api/webhook-events/<id>/replay: one stored webhook event back into the queue (the Webhooks
// page's "Replay"); the processor is kicked at once. An event of another organisation is a 404.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { replayEvent } from "@/lib/ingest/admin/events";
import { kickProcessor } from "@/lib/ingest/process/kick";

const eventIdSchema = z.coerce.number().int().positive().max(2 ** 53 - 1);

export const POST = apiRoute<{ id: string }>("sources:manage", async ({ params, viewer, db }) => {
  const id = eventIdSchema.parse(params.id);
  await replayEvent(db, viewer.orgId, id);
  kickProcessor(db);
  return { replayed: id };
});
