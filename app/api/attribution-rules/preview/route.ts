import { apiRoute, readJson } from "@/lib/api/handler";
import { previewAttribution } from "@/lib/attribution/preview";
import { previewSchema } from "@/lib/attribution/schemas";

/** What a change would move — counts per team before → after and example rows — without saving it. */
export const POST = apiRoute("rules:manage", async ({ request, viewer, db }) => ({ preview: await previewAttribution(db, viewer, await readJson(request, previewSchema)) }));
