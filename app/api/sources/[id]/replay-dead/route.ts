// POST /api/sources/<id>/replay-dead: every dead webhook event of the source back into the queue
// (the Webhooks page's "Replay dead"); answers how many. Only the caller's organisation's events move.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { replayDeadEvents } from "@/lib/ingest/admin/events";
import { kickProcessor } from "@/lib/ingest/process/kick";

export const POST = apiRoute<{ id: string }>("sources:manage", async ({ params, viewer, db }) => {
  const sourceId = z.uuid().parse(params.id);
  const replayed = await replayDeadEvents(db, viewer.orgId, sourceId);
  kickProcessor(db);
  return { replayed };
});
