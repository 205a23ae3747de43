// Reads an organisation's teams and rules and builds its matcher: call once per batch, not per row.
import { asc, eq } from "drizzle-orm";
import { attributionRules, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import { buildMatcher } from "./matcher";
import type { Matcher, MatcherRule, MatcherTeam } from "./types";

export async function loadMatcherInputs(db: Db, orgId: string): Promise<{ teams: MatcherTeam[]; rules: MatcherRule[] }> {
  const teams = await db
    .select({ id: trafficTeams.id, name: trafficTeams.name, primarySourceCode: trafficTeams.primarySourceCode, isActive: trafficTeams.isActive })
    .from(trafficTeams)
    .where(eq(trafficTeams.orgId, orgId))
    .orderBy(asc(trafficTeams.name));
  const rules = await db
    .select({
      id: attributionRules.id,
      teamId: attributionRules.teamId,
      field: attributionRules.field,
      match: attributionRules.match,
      pattern: attributionRules.pattern,
      priority: attributionRules.priority,
    })
    .from(attributionRules)
    .where(eq(attributionRules.orgId, orgId))
    // A stable order, so conflicts are listed the same way every time.
    .orderBy(asc(attributionRules.createdAt), asc(attributionRules.id));
  return { teams, rules };
}

export async function loadAttributionMatcher(db: Db, orgId: string): Promise<Matcher> {
  const { teams, rules } = await loadMatcherInputs(db, orgId);
  return buildMatcher(teams, rules);
}
