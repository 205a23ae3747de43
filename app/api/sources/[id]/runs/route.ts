import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { getSourceRow } from "@/lib/sources/manage-sources";
import { listRuns } from "@/lib/sync/run-history";

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** The source's recent runs, newest first, with progress per entity, rows/s and errors. */
export const GET = apiRoute<{ id: string }>("sync:run", async ({ request, viewer, db, params }) => {
  const { limit } = readQuery(request, querySchema);
  const source = await getSourceRow(db, viewer.orgId, z.uuid().parse(params.id));
  return { runs: await listRuns(db, viewer.orgId, source.id, limit) };
});
