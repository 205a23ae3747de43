import { apiRoute } from "@/lib/api/handler";
import { latestRun, startRecompute } from "@/lib/attribution/recompute";
import { withRecompute } from "../respond";

export const maxDuration = 300;

/** The latest recompute of the organisation, for the progress bar (null when none ever ran). */
export const GET = apiRoute("rules:manage", async ({ viewer, db }) => ({ run: await latestRun(db, viewer.orgId) }));

/** Re-attributes every lead and deal now, e.g. after a bulk import outside Voronka. */
export const POST = apiRoute("rules:manage", async ({ viewer, db }) => withRecompute({}, await startRecompute(db, viewer.orgId, viewer.userId), 202));
