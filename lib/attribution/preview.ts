// "Preview": what a change of teams or rules would move, before it is saved. Rows are grouped by
// their UTM tags (a few hundred distinct combinations even over a million rows), and each group is
// attributed twice — with the saved rules and with the proposed ones. The referrer and click ids
// join the grouping only when a rule reads them: every click id is unique, so grouping by them
// always would make a group of every row.
import { and, eq, sql, type AnyColumn } from "drizzle-orm";
import { deals, leads } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCan } from "@/lib/auth/guards";
import { loadMatcherInputs } from "./load";
import { buildMatcher } from "./matcher";
import type { PreviewInput } from "./schemas";
import { FIELD_KEY, type MatcherRule, type MatcherTeam, type RuleField, type UtmTags } from "./types";

export type TeamCount = { teamId: string | null; name: string; before: number; after: number };
export type PreviewExample = { kind: "lead" | "deal"; id: string; title: string; utm: UtmTags; from: string | null; to: string | null };
export type AttributionPreview = {
  leads: { counts: TeamCount[]; moved: number };
  deals: { counts: TeamCount[]; moved: number };
  examples: PreviewExample[];
};

const EXAMPLES = 10;
const UNATTRIBUTED = "Unattributed";
const EXTRA_FIELDS = ["referrer", "fbclid", "gclid", "yclid"] as const satisfies RuleField[];

/** The UTM columns always; the referrer and a click id only when some rule reads it (null otherwise). */
function groupingColumns(table: typeof leads | typeof deals, read: Set<RuleField>) {
  const column = (field: (typeof EXTRA_FIELDS)[number]) => (read.has(field) ? sql<string | null>`${table[field]}` : sql<string | null>`null::text`);
  return {
    utmSource: table.utmSource,
    utmMedium: table.utmMedium,
    utmCampaign: table.utmCampaign,
    utmContent: table.utmContent,
    utmTerm: table.utmTerm,
    referrer: column("referrer"),
    fbclid: column("fbclid"),
    gclid: column("gclid"),
    yclid: column("yclid"),
  };
}

/** Saved teams and rules with the proposed changes applied on top; a new team gets a placeholder id. */
export function applyChange(saved: { teams: MatcherTeam[]; rules: MatcherRule[] }, change: PreviewInput): { teams: MatcherTeam[]; rules: MatcherRule[] } {
  const teams = new Map(saved.teams.map((team) => [team.id, team]));
  change.upsertTeams.forEach((team, index) => {
    const id = team.id ?? `new-team-${index}`;
    teams.set(id, { id, name: team.name, primarySourceCode: team.primarySourceCode ?? null, isActive: team.isActive });
  });
  for (const id of change.deleteTeamIds) teams.delete(id);
  const rules = new Map(saved.rules.map((rule) => [rule.id, rule]));
  change.upsertRules.forEach((rule, index) => rules.set(rule.id ?? `new-rule-${index}`, { ...rule, id: rule.id ?? `new-rule-${index}` }));
  for (const id of change.deleteRuleIds) rules.delete(id);
  return { teams: [...teams.values()], rules: [...rules.values()].filter((rule) => teams.has(rule.teamId)) };
}

export async function previewAttribution(db: Db, viewer: Pick<Viewer, "orgId" | "role">, change: PreviewInput): Promise<AttributionPreview> {
  assertCan(viewer, "rules:manage");
  const saved = await loadMatcherInputs(db, viewer.orgId);
  const proposed = applyChange(saved, change);
  const before = buildMatcher(saved.teams, saved.rules);
  const after = buildMatcher(proposed.teams, proposed.rules);
  const names = new Map([...saved.teams, ...proposed.teams].map((team) => [team.id, team.name]));
  const examples: PreviewExample[] = [];
  const result: AttributionPreview = { leads: { counts: [], moved: 0 }, deals: { counts: [], moved: 0 }, examples };
  const read = new Set<RuleField>([...saved.rules, ...proposed.rules].map((rule) => rule.field));
  for (const [kind, table] of [["lead", leads], ["deal", deals]] as const) {
    const keys = groupingColumns(table, read);
    const groups = await db
      .select({ ...keys, rows: sql<number>`count(*)::int` })
      .from(table)
      .where(and(eq(table.orgId, viewer.orgId), sql`${table.deletedAt} is null`))
      .groupBy(...Object.values(keys))
      .orderBy(sql`count(*) desc`);
    const counts = new Map<string | null, TeamCount>();
    const bump = (teamId: string | null, side: "before" | "after", rows: number) => {
      const entry = counts.get(teamId) ?? { teamId, name: teamId ? (names.get(teamId) ?? teamId) : UNATTRIBUTED, before: 0, after: 0 };
      entry[side] += rows;
      counts.set(teamId, entry);
    };
    let moved = 0;
    for (const group of groups) {
      const from = before(group).teamId;
      const to = after(group).teamId;
      bump(from, "before", group.rows);
      bump(to, "after", group.rows);
      if (from === to) continue;
      moved += group.rows;
      if (examples.length < EXAMPLES) examples.push(await exampleRow(db, kind, table, viewer.orgId, group, from, to, names));
    }
    result[`${kind}s`] = { counts: [...counts.values()].sort((a, b) => b.after - a.after || a.name.localeCompare(b.name)), moved };
  }
  return result;
}

async function exampleRow(
  db: Db,
  kind: "lead" | "deal",
  table: typeof leads | typeof deals,
  orgId: string,
  utm: Required<UtmTags>,
  from: string | null,
  to: string | null,
  names: Map<string, string>,
): Promise<PreviewExample> {
  const same = (column: AnyColumn, value: string | null | undefined) => sql`${column} is not distinct from ${value ?? null}`;
  const [row] = await db
    .select({ id: table.id, title: table.title })
    .from(table)
    .where(
      and(
        eq(table.orgId, orgId),
        sql`${table.deletedAt} is null`,
        same(table.utmSource, utm.utmSource),
        same(table.utmMedium, utm.utmMedium),
        same(table.utmCampaign, utm.utmCampaign),
        same(table.utmContent, utm.utmContent),
        same(table.utmTerm, utm.utmTerm),
        ...EXTRA_FIELDS.filter((field) => utm[FIELD_KEY[field]] != null).map((field) => same(table[field], utm[FIELD_KEY[field]])),
      ),
    )
    .limit(1);
  const { utmSource, utmMedium, utmCampaign, utmContent, utmTerm, referrer, fbclid, gclid, yclid } = utm;
  const label = (teamId: string | null) => (teamId ? (names.get(teamId) ?? teamId) : null);
  const keys = Object.fromEntries(Object.entries({ referrer, fbclid, gclid, yclid }).filter((entry) => entry[1] != null));
  return { kind, id: row.id, title: row.title, utm: { utmSource, utmMedium, utmCampaign, utmContent, utmTerm, ...keys }, from: label(from), to: label(to) };
}
