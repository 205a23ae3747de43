import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { runOnAfterResponse } from "@/lib/api/run-on";
import { requestSync } from "@/lib/sync/request-sync";

export const maxDuration = 300;

const bodySchema = z.object({ mode: z.enum(["incremental", "full"]).default("incremental") });

/** "Sync now": 202 with the run id at once (409 while another run of the source is going); the run continues after the answer, here or on a worker. */
export const POST = apiRoute<{ id: string }>("sync:run", async ({ request, viewer, db, params }) => {
  const { mode } = await readJson(request, bodySchema);
  const { runId, finished } = await requestSync(db, viewer.orgId, z.uuid().parse(params.id), { mode, triggeredBy: viewer.userId });
  if (finished) runOnAfterResponse(finished, "sync run");
  return Response.json({ runId, mode }, { status: 202 });
});
