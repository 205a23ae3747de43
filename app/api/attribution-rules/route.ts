import { z } from "zod";
import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { findRuleConflicts } from "@/lib/attribution/conflicts";
import { loadMatcherInputs } from "@/lib/attribution/load";
import { createRule, listRules } from "@/lib/attribution/rules";
import { createRuleSchema } from "@/lib/attribution/schemas";
import { withRecompute } from "../traffic-teams/respond";

export const maxDuration = 300;

const querySchema = z.object({ teamId: z.string().optional() });

/** The rules (optionally of one team) and the organisation's current conflicts. */
export const GET = apiRoute("rules:manage", async ({ request, viewer, db }) => {
  const rules = await listRules(db, viewer, readQuery(request, querySchema));
  const { teams, rules: all } = await loadMatcherInputs(db, viewer.orgId);
  return { rules, conflicts: findRuleConflicts(teams, all) };
});

export const POST = apiRoute("rules:manage", async ({ request, viewer, db }) => {
  const { rule, recompute } = await createRule(db, viewer, await readJson(request, createRuleSchema));
  return withRecompute({ rule }, recompute, 201);
});
