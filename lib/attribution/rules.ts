// Attribution rules of one organisation: list, create, change, delete. Every change starts a
// background recompute, since any rule can move rows.
import { and, asc, desc, eq } from "drizzle-orm";
import { attributionRules, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { diffFields, writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";
import { assertValidPattern } from "./pattern";
import { startRecompute, type StartedRecompute } from "./recompute";
import type { CreateRuleInput, UpdateRuleInput } from "./schemas";

export type AttributionRule = typeof attributionRules.$inferSelect;
type Actor = Pick<Viewer, "orgId" | "userId" | "role">;

export async function listRules(db: Db, viewer: Actor, filter: { teamId?: string } = {}): Promise<AttributionRule[]> {
  assertCan(viewer, "rules:manage");
  const conditions = [eq(attributionRules.orgId, viewer.orgId)];
  if (filter.teamId) conditions.push(eq(attributionRules.teamId, parseId(filter.teamId, "Traffic team")));
  return db
    .select()
    .from(attributionRules)
    .where(and(...conditions))
    .orderBy(desc(attributionRules.priority), asc(attributionRules.field), asc(attributionRules.createdAt));
}

async function getRule(db: Db, viewer: Actor, ruleId: string): Promise<AttributionRule> {
  assertCan(viewer, "rules:manage");
  const [rule] = await db
    .select()
    .from(attributionRules)
    .where(and(eq(attributionRules.id, parseId(ruleId, "Attribution rule")), eq(attributionRules.orgId, viewer.orgId)));
  if (!rule) throw new NotFoundError("Attribution rule");
  return rule;
}

/** Another organisation's team is "not found" here, exactly like a team that does not exist. */
async function requireTeam(db: Db, orgId: string, teamId: string): Promise<void> {
  const [team] = await db.select({ id: trafficTeams.id }).from(trafficTeams).where(and(eq(trafficTeams.id, teamId), eq(trafficTeams.orgId, orgId)));
  if (!team) throw new ValidationError("No such traffic team in your organisation", { code: "traffic_team_unknown", field: "teamId" });
}

export async function createRule(db: Db, viewer: Actor, input: CreateRuleInput): Promise<{ rule: AttributionRule; recompute: StartedRecompute }> {
  assertCan(viewer, "rules:manage");
  assertValidPattern(input.match, input.pattern);
  await requireTeam(db, viewer.orgId, input.teamId);
  const rule = await db.transaction(async (tx) => {
    const [row] = await tx.insert(attributionRules).values({ ...input, orgId: viewer.orgId }).returning();
    await writeAudit(tx, viewer, { action: "attribution_rule.create", targetType: "attribution_rule", targetId: row.id, details: { ...input } });
    return row;
  });
  return { rule, recompute: await startRecompute(db, viewer.orgId, viewer.userId) };
}

export async function updateRule(db: Db, viewer: Actor, ruleId: string, changes: UpdateRuleInput): Promise<{ rule: AttributionRule; recompute: StartedRecompute | null }> {
  const current = await getRule(db, viewer, ruleId);
  const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
  // The pattern is checked against the match it will have: turning a `contains "a("` rule into a regex must fail.
  assertValidPattern(next.match, next.pattern);
  if (changes.teamId && changes.teamId !== current.teamId) await requireTeam(db, viewer.orgId, changes.teamId);
  const diff = diffFields(current, changes);
  if (Object.keys(diff).length === 0) return { rule: current, recompute: null };
  const rule = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(attributionRules)
      .set(changes)
      .where(and(eq(attributionRules.id, current.id), eq(attributionRules.orgId, viewer.orgId)))
      .returning();
    await writeAudit(tx, viewer, { action: "attribution_rule.update", targetType: "attribution_rule", targetId: row.id, details: { changes: diff } });
    return row;
  });
  return { rule, recompute: await startRecompute(db, viewer.orgId, viewer.userId) };
}

export async function deleteRule(db: Db, viewer: Actor, ruleId: string): Promise<{ recompute: StartedRecompute }> {
  const rule = await getRule(db, viewer, ruleId);
  await db.transaction(async (tx) => {
    await tx.delete(attributionRules).where(and(eq(attributionRules.id, rule.id), eq(attributionRules.orgId, viewer.orgId)));
    const { id, teamId, field, match, pattern, priority } = rule;
    await writeAudit(tx, viewer, { action: "attribution_rule.delete", targetType: "attribution_rule", targetId: id, details: { teamId, field, match, pattern, priority } });
  });
  return { recompute: await startRecompute(db, viewer.orgId, viewer.userId) };
}
