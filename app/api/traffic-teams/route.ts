import { apiRoute, readJson } from "@/lib/api/handler";
import { createTeamSchema } from "@/lib/attribution/schemas";
import { createTeam, listTeams } from "@/lib/attribution/teams";
import { withRecompute } from "./respond";

export const maxDuration = 300;

export const GET = apiRoute("rules:manage", async ({ viewer, db }) => ({ teams: await listTeams(db, viewer) }));

export const POST = apiRoute("rules:manage", async ({ request, viewer, db }) => {
  const { team, recompute } = await createTeam(db, viewer, await readJson(request, createTeamSchema));
  return withRecompute({ team }, recompute, 201);
});
