import { apiRoute, readJson } from "@/lib/api/handler";
import { updateTeamSchema } from "@/lib/attribution/schemas";
import { deleteTeam, getTeam, updateTeam } from "@/lib/attribution/teams";
import { withRecompute } from "../respond";

export const maxDuration = 300;

export const GET = apiRoute<{ id: string }>("rules:manage", async ({ params, viewer, db }) => ({ team: await getTeam(db, viewer, params.id) }));

export const PATCH = apiRoute<{ id: string }>("rules:manage", async ({ request, params, viewer, db }) => {
  const { team, recompute } = await updateTeam(db, viewer, params.id, await readJson(request, updateTeamSchema));
  return withRecompute({ team }, recompute);
});

/** Deletes a team without ad spend; one with spend answers 409 (deactivate it with PATCH instead). */
export const DELETE = apiRoute<{ id: string }>("rules:manage", async ({ params, viewer, db }) => {
  const { recompute } = await deleteTeam(db, viewer, params.id);
  return withRecompute({ deleted: true }, recompute);
});
