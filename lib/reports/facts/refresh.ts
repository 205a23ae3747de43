// Keeps the report facts current. Every writer of deals (with their stage changes), leads and
// activities calls refreshReportFacts inside its own transaction, after its writes, with the ids it
// touched; rebuildReportFacts recomputes an organisation from scratch (demo seed, bootstrap of a
// database migrated from before the facts, a change of time zone). docs/reports.md explains the design.
import { announceFactsChanged } from "@/lib/live/facts-channel";
import { and, eq, gte, isNotNull, notExists, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  dealPatterns,
  organisations,
  reportActivityDaily,
  reportActivityFacts,
  reportDealDaily,
  reportDealFacts,
  reportFactState,
  reportLeadDaily,
  reportLeadDaysMonthly,
  reportLeadFacts,
  reportStageDaily,
  reportStageFacts,
  reportStageGaps,
  reportTrafficDaily,
  reportTrafficMonthly,
} from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { insertDealPatterns } from "./deal-pattern-sql";
import { factSources, insertActivityFacts, insertDealFacts, insertLeadFacts, insertStageFacts, insertStageGaps } from "./fact-sql";
import { activityRollups, applyFacts, dealRollups, deleteEmptyRows, leadRollups, stageRollups, trafficDealRollups, trafficLeadRollups, type Rollup } from "./rollups";
import { isUuid } from "@/lib/uuid";

export type ChangedRows = { dealIds?: string[]; leadIds?: string[]; activityIds?: string[] };

// Drizzle's tables, not their names as strings: a renamed table or column fails the type check.
const FACT_TABLES = [reportDealFacts, reportStageFacts, reportStageGaps, reportLeadFacts, reportActivityFacts, dealPatterns];

/**
 * The shape of the facts this code builds. An organisation whose facts were built by an older
 * shape is rebuilt whole (at start-up, or on its first write): 2 added the deal patterns and the
 * activity facts' deal; 3 the traffic team and tags of the lead and deal facts and the traffic rollups.
 */
export const FACTS_VERSION = 3;
const ROLLUP_TABLES = [reportDealDaily, reportStageDaily, reportLeadDaily, reportLeadDaysMonthly, reportActivityDaily, reportTrafficDaily, reportTrafficMonthly];

function uuidArray(ids: string[]): SQL {
  for (const id of ids) if (!isUuid(id)) throw new Error(`refreshReportFacts: "${id}" is not a row id`);
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

function dateArray(days: string[]): SQL {
  return sql`select unnest(${`{${days.join(",")}}`}::date[])`;
}

/**
 * One writer of an organisation's facts at a time: increments commute, but a rebuild must not
 * interleave. Hosted mode's deal quota takes the same lock (lib/hosted/quotas.ts).
 */
export async function lockOrganisationFacts(tx: Db, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report-facts:${orgId}`}))`);
}

async function hasFacts(tx: Db, orgId: string): Promise<boolean> {
  const rows = await tx.select({ orgId: reportFactState.orgId }).from(reportFactState).where(and(eq(reportFactState.orgId, orgId), gte(reportFactState.version, FACTS_VERSION)));
  return rows.length > 0;
}

async function days(tx: Db, query: SQL): Promise<string[]> {
  const rows = await selectRows<{ day: string | Date | null }>(tx, query);
  const out = new Set<string>();
  for (const { day } of rows) if (day !== null) out.add(typeof day === "string" ? day.slice(0, 10) : day.toISOString().slice(0, 10));
  return [...out];
}

type FactsTable = PgTable & { orgId: AnyColumn; sourceId: AnyColumn };

type FactPart = {
  /** The facts table, its id column, and the builder that inserts facts for a condition on the source rows. */
  facts: FactsTable;
  id: AnyColumn;
  insert: (orgId: string, rows: SQL) => SQL;
  /** The source row's id and source columns under the insert builder's aliases (factSources). */
  rowId: AnyColumn;
  rowSource: AnyColumn;
  rollups: Rollup[];
  /** The facts' day columns, whose rollup rows may fall to zero. */
  dayColumns: AnyColumn[];
};

/** Which rows to refresh: as a condition on a facts table, and on the source rows its builder reads. */
type Selection = { facts: (part: FactPart) => SQL; rows: (part: FactPart) => SQL };

function byIds(ids: string[]): Selection {
  const array = uuidArray(ids);
  return { facts: (part) => sql`${part.id} = any(${array})`, rows: (part) => sql`${part.rowId} = any(${array})` };
}

function bySource(sourceId: string): Selection {
  if (!isUuid(sourceId)) throw new Error(`refreshSourceFacts: "${sourceId}" is not a source id`);
  return { facts: (part) => sql`${part.facts.sourceId} = ${sourceId}::uuid`, rows: (part) => sql`${part.rowSource} = ${sourceId}::uuid` };
}

/**
 * Replaces the facts of the selected rows: subtracts their old facts from the rollups, recomputes
 * the facts from the source tables, adds them back, and drops rollup rows that fell to zero.
 * Everything is limited to the organisation, so an id of another organisation's row changes nothing.
 */
async function replaceFacts(tx: Db, orgId: string, selection: Selection, parts: FactPart[]): Promise<void> {
  for (const part of parts) {
    const selected = selection.facts(part);
    const mine = sql`${part.facts.orgId} = ${orgId} and ${selected}`;
    const touched = new Set<string>();
    const collectDays = async () => {
      for (const column of part.dayColumns) {
        for (const day of await days(tx, sql`select distinct ${column} as day from ${part.facts} where ${mine}`)) touched.add(day);
      }
    };
    await collectDays();
    for (const rollup of part.rollups) await tx.execute(applyFacts(rollup, orgId, selected, -1));
    await tx.execute(sql`delete from ${part.facts} where ${mine}`);
    await tx.execute(part.insert(orgId, selection.rows(part)));
    for (const rollup of part.rollups) await tx.execute(applyFacts(rollup, orgId, selected, 1));
    await collectDays();
    if (touched.size > 0) {
      // one cleanup per rollup table (the deal rollups share theirs)
      const tables = new Map(part.rollups.map((rollup) => [rollup.table, rollup]));
      for (const rollup of tables.values()) await tx.execute(deleteEmptyRows(rollup, orgId, dateArray([...touched])));
    }
  }
}

const { deal, lead, activity, stageFact } = factSources;
const dealFactsPart: FactPart = {
  facts: reportDealFacts,
  id: reportDealFacts.dealId,
  insert: insertDealFacts,
  rowId: deal.id,
  rowSource: deal.sourceId,
  rollups: [...dealRollups, ...trafficDealRollups],
  dayColumns: [reportDealFacts.createdDay, reportDealFacts.closedDay],
};
const dealParts: FactPart[] = [
  dealFactsPart,
  { facts: reportStageFacts, id: reportStageFacts.dealId, insert: insertStageFacts, rowId: deal.id, rowSource: deal.sourceId, rollups: stageRollups, dayColumns: [reportStageFacts.day] },
  // after the stage facts it is made from
  { facts: reportStageGaps, id: reportStageGaps.dealId, insert: insertStageGaps, rowId: stageFact.dealId, rowSource: stageFact.sourceId, rollups: [], dayColumns: [] },
  patternPart(),
];

/** The deal patterns: no rollups; refreshed with their deal, and with the deals of changed activities. */
function patternPart(): FactPart {
  return { facts: dealPatterns, id: dealPatterns.dealId, insert: insertDealPatterns, rowId: deal.id, rowSource: deal.sourceId, rollups: [], dayColumns: [] };
}
const leadParts: FactPart[] = [
  { facts: reportLeadFacts, id: reportLeadFacts.leadId, insert: insertLeadFacts, rowId: lead.id, rowSource: lead.sourceId, rollups: [...leadRollups, ...trafficLeadRollups], dayColumns: [reportLeadFacts.day] },
];
const activityParts: FactPart[] = [
  {
    facts: reportActivityFacts,
    id: reportActivityFacts.activityId,
    insert: insertActivityFacts,
    rowId: activity.id,
    rowSource: activity.sourceId,
    rollups: activityRollups,
    dayColumns: [reportActivityFacts.day],
  },
];

async function leadsOfDeals(tx: Db, dealIds: string[]): Promise<string[]> {
  const f = reportDealFacts;
  const rows = await tx
    .selectDistinct({ leadId: f.leadId })
    .from(f)
    .where(and(sql`${f.dealId} = any(${uuidArray(dealIds)})`, isNotNull(f.leadId)));
  return rows.map((row) => row.leadId!);
}

async function dealsOfActivityFacts(tx: Db, activityIds: string[]): Promise<string[]> {
  const f = reportActivityFacts;
  const rows = await tx
    .selectDistinct({ dealId: f.dealId })
    .from(f)
    .where(and(sql`${f.activityId} = any(${uuidArray(activityIds)})`, isNotNull(f.dealId)));
  return rows.map((row) => row.dealId!);
}

const CHUNK = 5_000;
function chunks(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < ids.length; start += CHUNK) out.push(ids.slice(start, start + CHUNK));
  return out;
}

/**
 * Brings the report facts of these rows up to date. Call it inside the transaction that wrote,
 * updated or soft-deleted them (for a deal: after its stage changes too); rows that no longer exist
 * or are deleted lose their facts. A lead's conversion depends on the deals pointing to it, so the
 * leads of changed deals (before and after) are refreshed as well. An organisation whose facts were
 * never built is rebuilt whole instead.
 */
export async function refreshReportFacts(db: Db, orgId: string, changed: ChangedRows): Promise<void> {
  const dealIds = [...new Set(changed.dealIds ?? [])];
  const leadIds = new Set(changed.leadIds ?? []);
  const activityIds = [...new Set(changed.activityIds ?? [])];
  if (dealIds.length === 0 && leadIds.size === 0 && activityIds.length === 0) return;
  await db.transaction(async (tx) => {
    await lockOrganisationFacts(tx, orgId);
    await announceFactsChanged(tx, orgId);
    if (!(await hasFacts(tx, orgId))) {
      await rebuildLocked(tx, orgId);
      return;
    }
    for (const ids of chunks(dealIds)) {
      for (const leadId of await leadsOfDeals(tx, ids)) leadIds.add(leadId);
      await replaceFacts(tx, orgId, byIds(ids), dealParts);
      for (const leadId of await leadsOfDeals(tx, ids)) leadIds.add(leadId);
    }
    for (const ids of chunks([...leadIds])) await replaceFacts(tx, orgId, byIds(ids), leadParts);
    const refreshedDeals = new Set(dealIds);
    for (const ids of chunks(activityIds)) {
      // An activity counts in its deal's patterns: the deal it was on (its old facts) and the one it is on now.
      const dealsOfActivities = new Set(await dealsOfActivityFacts(tx, ids));
      await replaceFacts(tx, orgId, byIds(ids), activityParts);
      for (const dealId of await dealsOfActivityFacts(tx, ids)) dealsOfActivities.add(dealId);
      const stale = [...dealsOfActivities].filter((dealId) => !refreshedDeals.has(dealId));
      for (const dealChunk of chunks(stale)) await replaceFacts(tx, orgId, byIds(dealChunk), [patternPart()]);
      for (const dealId of stale) refreshedDeals.add(dealId);
    }
  });
}

/**
 * Brings the lead and deal facts of these rows up to date after only their traffic team changed
 * (the attribution recompute, lib/attribution/recompute.ts): the team is a key of those facts and of
 * the traffic rollups alone, so the stage facts, the deal patterns and the leads' conversion are left
 * as they are. Call it inside the transaction that moved the rows.
 */
export async function refreshTrafficFacts(db: Db, orgId: string, changed: { dealIds?: string[]; leadIds?: string[] }): Promise<void> {
  const dealIds = [...new Set(changed.dealIds ?? [])];
  const leadIds = [...new Set(changed.leadIds ?? [])];
  if (dealIds.length === 0 && leadIds.length === 0) return;
  await db.transaction(async (tx) => {
    await lockOrganisationFacts(tx, orgId);
    // No facts (or an older shape): nothing here is stale, and the rebuild that makes them reads the teams as they are now.
    if (!(await hasFacts(tx, orgId))) return;
    await announceFactsChanged(tx, orgId);
    for (const ids of chunks(dealIds)) await replaceFacts(tx, orgId, byIds(ids), [dealFactsPart]);
    for (const ids of chunks(leadIds)) await replaceFacts(tx, orgId, byIds(ids), leadParts);
  });
}

/**
 * Brings the report facts of every deal, lead and activity of one source up to date, set-based
 * (what a sync that deferred its facts runs at its end). Each of the source's rows depends only on
 * rows of the same source (a deal's lead and history are resolved within it), so the rest of the
 * organisation is left alone. An organisation whose facts were never built is rebuilt whole.
 */
export async function refreshSourceFacts(db: Db, orgId: string, sourceId: string): Promise<void> {
  const selection = bySource(sourceId);
  await db.transaction(async (tx) => {
    await lockOrganisationFacts(tx, orgId);
    await announceFactsChanged(tx, orgId);
    if (!(await hasFacts(tx, orgId))) {
      await rebuildLocked(tx, orgId);
      return;
    }
    for (const parts of [dealParts, leadParts, activityParts]) await replaceFacts(tx, orgId, selection, parts);
  });
}

async function rebuildLocked(tx: Db, orgId: string): Promise<void> {
  for (const table of [...FACT_TABLES, ...ROLLUP_TABLES]) await tx.execute(sql`delete from ${table} where ${table.orgId} = ${orgId}`);
  const all = sql`true`;
  for (const part of [...dealParts, ...leadParts, ...activityParts]) {
    await tx.execute(part.insert(orgId, all));
    for (const rollup of part.rollups) await tx.execute(applyFacts(rollup, orgId, all, 1));
  }
  await tx
    .insert(reportFactState)
    .values({ orgId, rebuiltAt: sql`now()`, version: FACTS_VERSION })
    .onConflictDoUpdate({ target: reportFactState.orgId, set: { rebuiltAt: sql`excluded.rebuilt_at`, version: FACTS_VERSION } });
}

/** Recomputes every report fact of the organisation from its source rows, in one transaction. */
export async function rebuildReportFacts(db: Db, orgId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOrganisationFacts(tx, orgId);
    await announceFactsChanged(tx, orgId);
    await rebuildLocked(tx, orgId);
  });
}

/** Organisations with no facts yet, or facts of an older shape (bootstrap rebuilds them). */
export async function organisationsWithoutFacts(db: Db): Promise<string[]> {
  const hasState = db
    .select({ one: sql`1` })
    .from(reportFactState)
    .where(and(eq(reportFactState.orgId, organisations.id), gte(reportFactState.version, FACTS_VERSION)));
  const rows = await db.select({ id: organisations.id }).from(organisations).where(notExists(hasState));
  return rows.map((row) => row.id);
}
