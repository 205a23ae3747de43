// Traffic teams of one organisation: list, create, change, delete. Every change that can move rows
// (primary code, active flag, deletion) starts a background recompute.
import { and, asc, count, eq } from "drizzle-orm";
import { adSpend, attributionRules, deals, leads, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { diffFields, writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/db/errors";
import { assertCan, parseId } from "@/lib/auth/guards";
import { refreshTrafficFacts } from "@/lib/reports/facts/refresh";
import { startRecompute, type StartedRecompute } from "./recompute";
import type { CreateTeamInput, UpdateTeamInput } from "./schemas";

export type TrafficTeam = typeof trafficTeams.$inferSelect;
type Actor = Pick<Viewer, "orgId" | "userId" | "role">;

export async function listTeams(db: Db, viewer: Actor): Promise<(TrafficTeam & { rules: number })[]> {
  assertCan(viewer, "rules:manage");
  const teams = await db.select().from(trafficTeams).where(eq(trafficTeams.orgId, viewer.orgId)).orderBy(asc(trafficTeams.name));
  const counts = await db
    .select({ teamId: attributionRules.teamId, rules: count() })
    .from(attributionRules)
    .where(eq(attributionRules.orgId, viewer.orgId))
    .groupBy(attributionRules.teamId);
  const byTeam = new Map(counts.map((row) => [row.teamId, row.rules]));
  return teams.map((team) => ({ ...team, rules: byTeam.get(team.id) ?? 0 }));
}

export async function getTeam(db: Db, viewer: Actor, teamId: string): Promise<TrafficTeam> {
  assertCan(viewer, "rules:manage");
  const [team] = await db
    .select()
    .from(trafficTeams)
    .where(and(eq(trafficTeams.id, parseId(teamId, "Traffic team")), eq(trafficTeams.orgId, viewer.orgId)));
  if (!team) throw new NotFoundError("Traffic team");
  return team;
}

const duplicateName = (name: string) => new ConflictError(`A traffic team named "${name}" already exists`, { code: "traffic_team_name_taken", field: "name", params: { name } });

export async function createTeam(db: Db, viewer: Actor, input: CreateTeamInput): Promise<{ team: TrafficTeam; recompute: StartedRecompute | null }> {
  assertCan(viewer, "rules:manage");
  const team = await db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(trafficTeams)
        .values({ ...input, emoji: input.emoji ?? null, primarySourceCode: input.primarySourceCode ?? null, telegramChatId: input.telegramChatId ?? null, orgId: viewer.orgId })
        .returning();
      await writeAudit(tx, viewer, { action: "traffic_team.create", targetType: "traffic_team", targetId: row.id, details: { name: row.name } });
      return row;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateName(input.name) : error;
    });
  // A team without a primary code has no rules yet, so it cannot move any row.
  const recompute = team.primarySourceCode && team.isActive ? await startRecompute(db, viewer.orgId, viewer.userId) : null;
  return { team, recompute };
}

export async function updateTeam(db: Db, viewer: Actor, teamId: string, changes: UpdateTeamInput): Promise<{ team: TrafficTeam; recompute: StartedRecompute | null }> {
  const current = await getTeam(db, viewer, teamId);
  const diff = diffFields(current, changes);
  if (Object.keys(diff).length === 0) return { team: current, recompute: null };
  const team = await db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(trafficTeams)
        .set(changes)
        .where(and(eq(trafficTeams.id, current.id), eq(trafficTeams.orgId, viewer.orgId)))
        .returning();
      await writeAudit(tx, viewer, { action: "traffic_team.update", targetType: "traffic_team", targetId: row.id, details: { changes: diff } });
      return row;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateName(changes.name ?? current.name) : error;
    });
  const movesRows = "primarySourceCode" in diff || "isActive" in diff;
  return { team, recompute: movesRows ? await startRecompute(db, viewer.orgId, viewer.userId) : null };
}

/** Deletes a team with no ad spend (its rules go with it); a team with spend can only be deactivated, so no cost is lost. */
export async function deleteTeam(db: Db, viewer: Actor, teamId: string): Promise<{ recompute: StartedRecompute }> {
  const team = await getTeam(db, viewer, teamId);
  const [{ spend }] = await db.select({ spend: count() }).from(adSpend).where(and(eq(adSpend.orgId, viewer.orgId), eq(adSpend.teamId, team.id)));
  if (spend > 0) {
    throw new ConflictError(`${team.name} has ${spend} ad spend entries; deactivate the team instead (isActive: false) so its costs stay in the reports`, {
      code: "traffic_team_has_spend",
      params: { name: team.name, count: spend },
    });
  }
  await db.transaction(async (tx) => {
    // Its leads and deals lose the team through the foreign key (set null), which no refresh sees: refresh their facts here.
    const ofTeam = (table: typeof leads | typeof deals) =>
      tx.select({ id: table.id }).from(table).where(and(eq(table.orgId, viewer.orgId), eq(table.trafficTeamId, team.id))).then((rows) => rows.map((row) => row.id));
    const [leadIds, dealIds] = [await ofTeam(leads), await ofTeam(deals)];
    await tx.delete(trafficTeams).where(and(eq(trafficTeams.id, team.id), eq(trafficTeams.orgId, viewer.orgId)));
    await refreshTrafficFacts(tx, viewer.orgId, { leadIds, dealIds });
    await writeAudit(tx, viewer, { action: "traffic_team.delete", targetType: "traffic_team", targetId: team.id, details: { name: team.name } });
  });
  return { recompute: await startRecompute(db, viewer.orgId, viewer.userId) };
}
