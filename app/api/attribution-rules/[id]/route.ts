import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteRule, updateRule } from "@/lib/attribution/rules";
import { updateRuleSchema } from "@/lib/attribution/schemas";
import { withRecompute } from "../../traffic-teams/respond";

export const maxDuration = 300;

export const PATCH = apiRoute<{ id: string }>("rules:manage", async ({ request, params, viewer, db }) => {
  const { rule, recompute } = await updateRule(db, viewer, params.id, await readJson(request, updateRuleSchema));
  return withRecompute({ rule }, recompute);
});

export const DELETE = apiRoute<{ id: string }>("rules:manage", async ({ params, viewer, db }) => {
  const { recompute } = await deleteRule(db, viewer, params.id);
  return withRecompute({ deleted: true }, recompute);
});
