import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { runOnAfterResponse } from "@/lib/api/run-on";
import { startSync } from "@/lib/sync/engine";

export const maxDuration = 300;

const bodySchema = z.object({ mode: z.enum(["incremental", "full"]).default("incremental") });

/** "Sync now": 202 with the run id at once (409 while another run of the source is going); the run continues after the answer. */
export const POST = apiRoute<{ id: string }>("sync:run", async ({ request, viewer, db, params }) => {
  const { mode } = await readJson(request, bodySchema);
  const { runId, finished } = await startSync(db, viewer.orgId, z.uuid().parse(params.id), { mode, triggeredBy: viewer.userId });
  runOnAfterResponse(finished, "sync run");
  return Response.json({ runId, mode }, { status: 202 });
});
