// "Import example rules": the four teams of the seed documents and their keyword rules, added to
// what the organisation has. Idempotent — a team that exists by name is kept as the admin left it,
// and a rule already there (same team, field, match and pattern, any case) is not added twice.
import { eq } from "drizzle-orm";
import { attributionRules, organisations, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/guards";
import { EXAMPLE_TEAMS, exampleRuleSpecs } from "./example-rules";
import { fold } from "./pattern";
import { startRecompute, type StartedRecompute } from "./recompute";

export type ImportExamplesResult = { teamsCreated: number; rulesCreated: number; recompute: StartedRecompute | null };

export async function importExampleRules(db: Db, viewer: Pick<Viewer, "orgId" | "userId" | "role">): Promise<ImportExamplesResult> {
  assertCan(viewer, "rules:manage");
  const created = await db.transaction(async (tx) => {
    // Two clicks at once must not both insert: serialise on the organisation row.
    await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, viewer.orgId)).for("no key update");
    const teams = await tx.select({ id: trafficTeams.id, name: trafficTeams.name }).from(trafficTeams).where(eq(trafficTeams.orgId, viewer.orgId));
    const rules = await tx
      .select({ teamId: attributionRules.teamId, field: attributionRules.field, match: attributionRules.match, pattern: attributionRules.pattern })
      .from(attributionRules)
      .where(eq(attributionRules.orgId, viewer.orgId));
    const ruleKey = (r: { teamId: string; field: string; match: string; pattern: string }) => `${r.teamId}|${r.field}|${r.match}|${fold(r.pattern)}`;
    const existingRules = new Set(rules.map(ruleKey));
    let teamsCreated = 0;
    let rulesCreated = 0;
    for (const example of EXAMPLE_TEAMS) {
      let teamId = teams.find((team) => fold(team.name) === fold(example.name))?.id;
      if (!teamId) {
        const { name, color, emoji, primarySourceCode } = example;
        [{ id: teamId }] = await tx.insert(trafficTeams).values({ orgId: viewer.orgId, name, color, emoji, primarySourceCode }).returning({ id: trafficTeams.id });
        teamsCreated++;
      }
      const missing = exampleRuleSpecs(example.keywords)
        .map((spec) => ({ ...spec, teamId: teamId!, orgId: viewer.orgId }))
        .filter((rule) => !existingRules.has(ruleKey(rule)));
      if (missing.length > 0) await tx.insert(attributionRules).values(missing);
      rulesCreated += missing.length;
    }
    if (teamsCreated + rulesCreated > 0) {
      await writeAudit(tx, viewer, { action: "traffic_team.import_examples", targetType: "organisation", targetId: viewer.orgId, details: { teamsCreated, rulesCreated } });
    }
    return { teamsCreated, rulesCreated };
  });
  const recompute = created.teamsCreated + created.rulesCreated > 0 ? await startRecompute(db, viewer.orgId, viewer.userId) : null;
  return { ...created, recompute };
}
