// How per-row facts sum into the daily rollups. A refresh subtracts the old facts of the changed rows
// (sign −1) and adds their new ones (sign +1) through an upsert that increments, so concurrent
// writers never lose each other's counts; a rebuild inserts the sums of all facts at once.
// Every table and column is named through the schema objects, so a rename fails the type check.
import { sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import {
  reportActivityDaily,
  reportActivityFacts,
  reportDealDaily,
  reportDealFacts,
  reportLeadDaily,
  reportLeadDaysMonthly,
  reportLeadFacts,
  reportStageDaily,
  reportStageFacts,
  reportTrafficDaily,
  reportTrafficMonthly,
} from "@/db/schema";
import { columnNames } from "./sql-names";

type OrgTable = PgTable & { orgId: PgColumn };

type Rollup = {
  /** The rollup table and the facts table it is summed from. */
  table: OrgTable;
  facts: OrgTable;
  /** Rollup column → expression over the facts (the key). */
  keys: [PgColumn, SQL | PgColumn][];
  /** Rollup column → expression summed over the facts. */
  measures: [PgColumn, SQL | PgColumn][];
  /** Which facts this rollup counts. */
  where?: SQL;
  /** The rollup's time column and how a touched day (`d`) maps to it. */
  period: { column: PgColumn; ofDay: SQL };
  /** The key columns between org_id and the day in the rollup's unique index, so a cleanup can use the index. */
  leadingKeys?: SQL;
};

const same = (pairs: [PgColumn, PgColumn][]) => pairs;
/** A rollup by day: a touched day is its own row's day. */
const daily = (column: PgColumn) => ({ column, ofDay: sql`d` });

const r = reportDealDaily;
const df = reportDealFacts;
const dealKeys = (kind: "created" | "closed", day: PgColumn): [PgColumn, SQL | PgColumn][] => [
  [r.orgId, df.orgId],
  [r.kind, sql.raw(`'${kind}'`)],
  [r.day, day],
  [r.crmUserId, df.crmUserId],
  [r.sourceId, df.sourceId],
  [r.pipelineId, df.pipelineId],
  [r.stageId, df.stageId],
  [r.semantic, df.semantic],
];
const dealLeadingKeys = sql`${r.kind} in ('created', 'closed')`;

export const dealRollups: Rollup[] = [
  {
    table: r,
    facts: df,
    keys: dealKeys("created", df.createdDay),
    measures: [
      [r.deals, sql`1`],
      [r.amount, sql`coalesce(${df.currentAmount}, 0)`],
      [r.cycleSeconds, sql`0`],
    ],
    period: daily(r.day),
    leadingKeys: dealLeadingKeys,
  },
  {
    table: r,
    facts: df,
    keys: dealKeys("closed", df.closedDay),
    measures: [
      [r.deals, sql`1`],
      [r.amount, sql`coalesce(${df.closedAmount}, 0)`],
      [r.cycleSeconds, sql`coalesce(${df.cycleSeconds}, 0)`],
    ],
    where: sql`${df.closedDay} is not null`,
    period: daily(r.day),
    leadingKeys: dealLeadingKeys,
  },
];

const sd = reportStageDaily;
const sf = reportStageFacts;
export const stageRollups: Rollup[] = [
  {
    table: sd,
    facts: sf,
    keys: same([
      [sd.orgId, sf.orgId],
      [sd.day, sf.day],
      [sd.crmUserId, sf.crmUserId],
      [sd.sourceId, sf.sourceId],
      [sd.stageId, sf.stageId],
    ]),
    measures: same([
      [sd.firstReached, sf.firstReached],
      [sd.lastReached, sf.lastReached],
      [sd.closedStays, sf.closedStays],
      [sd.staySeconds, sf.staySeconds],
      [sd.openStays, sf.openStays],
      [sd.openStartEpoch, sf.openStartEpoch],
    ]),
    period: daily(sd.day),
  },
];

const ld = reportLeadDaily;
const lf = reportLeadFacts;
const lm = reportLeadDaysMonthly;
const leadKeys = (dimension: "channel" | "utm", value: PgColumn): [PgColumn, SQL | PgColumn][] => [
  [ld.orgId, lf.orgId],
  [ld.dimension, sql.raw(`'${dimension}'`)],
  [ld.day, lf.day],
  [ld.crmUserId, lf.crmUserId],
  [ld.sourceId, lf.sourceId],
  [ld.value, value],
];
const leadMeasures: [PgColumn, SQL | PgColumn][] = [
  [ld.leads, sql`1`],
  [ld.converted, lf.converted],
];
const leadLeadingKeys = sql`${ld.dimension} in ('channel', 'utm')`;

export const leadRollups: Rollup[] = [
  { table: ld, facts: lf, keys: leadKeys("channel", lf.channel), measures: leadMeasures, period: daily(ld.day), leadingKeys: leadLeadingKeys },
  { table: ld, facts: lf, keys: leadKeys("utm", lf.utmSource), measures: leadMeasures, period: daily(ld.day), leadingKeys: leadLeadingKeys },
  {
    table: lm,
    facts: lf,
    keys: [
      [lm.orgId, lf.orgId],
      [lm.month, sql`date_trunc('month', ${lf.day})::date`],
      [lm.crmUserId, lf.crmUserId],
      [lm.sourceId, lf.sourceId],
      [lm.channel, lf.channel],
      [lm.tenths, sql`(round(${lf.daysToConvert}::numeric, 1) * 10)::int`],
    ],
    measures: [[lm.leads, sql`1`]],
    where: sql`${lf.daysToConvert} is not null`,
    period: { column: lm.month, ofDay: sql`date_trunc('month', d)::date` },
  },
];

/**
 * The Traffic dashboard's rollups: leads by creation day and won deals by close day, per team and
 * tags, at two grains (docs/reports.md, "The traffic rollups"). Each key is [column of the daily table,
 * column of the monthly table, expression over the facts].
 */
const td = reportTrafficDaily;
const tm = reportTrafficMonthly;
/**
 * Where click ids go: once leads and deals carry them (the amoCRM mapping of issue 15), a key per
 * click-id kind joins here, as a column of the facts and of both traffic rollups, so the dashboard can
 * break a team down by them like by utm_campaign. Empty until then.
 */
export const TRAFFIC_CLICK_ID_KEYS: [PgColumn, PgColumn, SQL | PgColumn][] = [];
type TrafficFacts = { orgId: PgColumn; crmUserId: PgColumn; sourceId: PgColumn; trafficTeamId: PgColumn; utmSource: PgColumn; utmCampaign: PgColumn };

function trafficRollups(kind: "lead" | "won", facts: OrgTable & TrafficFacts, day: PgColumn, pipeline: SQL | PgColumn, amount: SQL, where?: SQL): Rollup[] {
  const keys = (grain: typeof td | typeof tm, time: SQL | PgColumn): [PgColumn, SQL | PgColumn][] => [
    [grain.orgId, facts.orgId],
    [grain.kind, sql.raw(`'${kind}'`)],
    [grain === td ? td.day : tm.month, time],
    [grain.crmUserId, facts.crmUserId],
    [grain.sourceId, facts.sourceId],
    [grain.pipelineId, pipeline],
    [grain.trafficTeamId, facts.trafficTeamId],
    [grain.utmSource, facts.utmSource],
    [grain.utmCampaign, facts.utmCampaign],
    ...TRAFFIC_CLICK_ID_KEYS.map(([daily, monthly, expr]): [PgColumn, SQL | PgColumn] => [grain === td ? daily : monthly, expr]),
  ];
  const measures = (grain: typeof td | typeof tm): [PgColumn, SQL | PgColumn][] => [
    [grain.rows, sql`1`],
    [grain.amount, amount],
  ];
  const leadingKeys = (grain: typeof td | typeof tm) => sql`${grain.kind} = ${sql.raw(`'${kind}'`)}`;
  return [
    { table: td, facts, keys: keys(td, day), measures: measures(td), where, period: daily(td.day), leadingKeys: leadingKeys(td) },
    {
      table: tm,
      facts,
      keys: keys(tm, sql`date_trunc('month', ${day})::date`),
      measures: measures(tm),
      where,
      period: { column: tm.month, ofDay: sql`date_trunc('month', d)::date` },
      leadingKeys: leadingKeys(tm),
    },
  ];
}

export const trafficLeadRollups = trafficRollups("lead", lf, lf.day, sql`null::uuid`, sql`0`);

export const trafficDealRollups = trafficRollups("won", df, df.closedDay, df.pipelineId, sql`coalesce(${df.closedAmount}, 0)`, sql`${df.semantic} = 'won' and ${df.closedDay} is not null`);

const ad = reportActivityDaily;
const af = reportActivityFacts;
export const activityRollups: Rollup[] = [
  {
    table: ad,
    facts: af,
    keys: same([
      [ad.orgId, af.orgId],
      [ad.day, af.day],
      [ad.crmUserId, af.crmUserId],
      [ad.sourceId, af.sourceId],
      [ad.type, af.type],
    ]),
    measures: [
      [ad.activities, sql`1`],
      [ad.callSeconds, af.callSeconds],
    ],
    period: daily(ad.day),
  },
];

const list = (items: (SQL | PgColumn)[]) => sql.join(items, sql`, `);

/** The rollup's one unique constraint: what its upsert conflicts on. */
function uniqueKey(table: PgTable): SQL {
  const [key, ...others] = getTableConfig(table).uniqueConstraints;
  if (!key?.name || others.length > 0) throw new Error(`a rollup table needs exactly one named unique constraint: ${getTableConfig(table).name}`);
  return sql`${sql.identifier(key.name)}`;
}

/**
 * Adds (sign 1) or subtracts (sign −1) the facts matching `ids` (a condition on the facts' id
 * column) to the rollup, in key order so that two writers lock rollup rows in the same order.
 */
export function applyFacts(rollup: Rollup, orgId: string, ids: SQL, sign: 1 | -1): SQL {
  const keyColumns = rollup.keys.map(([column]) => column);
  const keyExprs = rollup.keys.map(([, expr]) => expr);
  const measureColumns = rollup.measures.map(([column]) => column);
  const sums = rollup.measures.map(([, expr]) => sql`${sql.raw(String(sign))} * sum(${expr})`);
  // by position: a constant key (the kind) cannot be named in GROUP BY or ORDER BY
  const positions = sql.raw(keyExprs.map((_, index) => String(index + 1)).join(", "));
  // facts that add nothing (a stage reached again, with no stay) make no rollup row
  const nonZero = sql`not (${sql.join(
    rollup.measures.map(([, expr]) => sql`sum(${expr}) = 0`),
    sql` and `,
  )})`;
  const updates = measureColumns.map((column) => sql`${sql.identifier(column.name)} = ${column} + excluded.${sql.identifier(column.name)}`);
  return sql`insert into ${rollup.table} (${columnNames([...keyColumns, ...measureColumns])})
    select ${list([...keyExprs, ...sums])}
    from ${rollup.facts}
    where ${rollup.facts.orgId} = ${orgId} and ${ids}${rollup.where ? sql` and ${rollup.where}` : sql``}
    group by ${positions}
    having ${nonZero}
    order by ${positions}
    on conflict on constraint ${uniqueKey(rollup.table)} do update set ${list(updates)}`;
}

/** Drops the rollup rows of the touched days (`days`: a one-column set of dates named d) whose every measure came back to zero. */
export function deleteEmptyRows(rollup: Rollup, orgId: string, days: SQL): SQL {
  const { table } = rollup;
  const leading = rollup.leadingKeys ? sql` and ${rollup.leadingKeys}` : sql``;
  const { period } = rollup;
  const zero = sql.join(
    rollup.measures.map(([column]) => sql`${column} = 0`),
    sql` and `,
  );
  return sql`delete from ${table} where ${table.orgId} = ${orgId}${leading}
    and ${period.column} in (select ${period.ofDay} from (${days}) touched(d)) and ${zero}`;
}

export type { Rollup };
