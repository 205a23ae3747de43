// POST /api/sources/<id>/write-back/replay: the source's dead writes back into the queue with fresh
// attempts, then a pass sends them; answers how many were replayed.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { runOnAfterResponse } from "@/lib/api/run-on";
import { writeAudit } from "@/lib/audit";
import { getSourceRow } from "@/lib/sources/manage-sources";
import { drainWriteBack } from "@/lib/write-back/deliver";
import { replayDeadWrites } from "@/lib/write-back/replay";

export const POST = apiRoute<{ id: string }>("sources:manage", async ({ params, viewer, db }) => {
  const source = await getSourceRow(db, viewer.orgId, z.uuid("must be a source id").parse(params.id));
  const replayed = await replayDeadWrites(db, viewer.orgId, source.id);
  if (replayed > 0) {
    await writeAudit(db, viewer, { action: "source.write_back_replay", targetType: "source", targetId: source.id, details: { replayed } });
    runOnAfterResponse(drainWriteBack(db, { orgId: viewer.orgId }), "write-back pass");
  }
  return { replayed };
});
