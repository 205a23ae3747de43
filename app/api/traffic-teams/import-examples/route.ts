import { apiRoute } from "@/lib/api/handler";
import { importExampleRules } from "@/lib/attribution/import-examples";
import { withRecompute } from "../respond";

export const maxDuration = 300;

/** Loads the four example teams and their rules; safe to call again (it adds only what is missing). */
export const POST = apiRoute("rules:manage", async ({ viewer, db }) => {
  const { recompute, ...created } = await importExampleRules(db, viewer);
  return withRecompute(created, recompute, created.teamsCreated + created.rulesCreated > 0 ? 201 : 200);
});
