// How per-row facts sum into the daily rollups. A refresh subtracts the old facts of the changed rows
// (sign −1) and adds their new ones (sign +1) through an upsert that increments, so concurrent
// writers never lose each other's counts; a rebuild inserts the sums of all facts at once.
import { sql, type SQL } from "drizzle-orm";

type Rollup = {
  /** The rollup table and the facts table it is summed from. */
  table: string;
  facts: string;
  /** The facts' id column (what refreshes select by). */
  id: string;
  /** Rollup column → expression over the facts (the key). */
  keys: [string, string][];
  /** Rollup column → expression summed over the facts. */
  measures: [string, string][];
  /** Which facts this rollup counts. */
  where?: string;
  /** The rollup's time column and how a touched day maps to it (default: "day", the day itself). */
  period?: { column: string; ofDay: string };
};

const dealKeys = (kind: string, day: string): [string, string][] => [
  ["org_id", "org_id"],
  ["kind", `'${kind}'`],
  ["day", day],
  ["crm_user_id", "crm_user_id"],
  ["source_id", "source_id"],
  ["pipeline_id", "pipeline_id"],
  ["stage_id", "stage_id"],
  ["semantic", "semantic"],
];

const stageMeasures: [string, string][] = ["first_reached", "last_reached", "closed_stays", "stay_seconds", "open_stays", "open_start_epoch"].map((c) => [c, c]);

export const dealRollups: Rollup[] = [
  {
    table: "report_deal_daily",
    facts: "report_deal_facts",
    id: "deal_id",
    keys: dealKeys("created", "created_day"),
    measures: [
      ["deals", "1"],
      ["amount", "coalesce(current_amount, 0)"],
      ["cycle_seconds", "0"],
    ],
  },
  {
    table: "report_deal_daily",
    facts: "report_deal_facts",
    id: "deal_id",
    keys: dealKeys("closed", "closed_day"),
    measures: [
      ["deals", "1"],
      ["amount", "coalesce(closed_amount, 0)"],
      ["cycle_seconds", "coalesce(cycle_seconds, 0)"],
    ],
    where: "closed_day is not null",
  },
];

export const stageRollups: Rollup[] = [
  {
    table: "report_stage_daily",
    facts: "report_stage_facts",
    id: "deal_id",
    keys: ["org_id", "day", "crm_user_id", "source_id", "stage_id"].map((c) => [c, c]),
    measures: stageMeasures,
  },
];

const leadKeys = (dimension: string, value: string): [string, string][] => [
  ["org_id", "org_id"],
  ["dimension", `'${dimension}'`],
  ["day", "day"],
  ["crm_user_id", "crm_user_id"],
  ["source_id", "source_id"],
  ["value", value],
];
const leadMeasures: [string, string][] = [
  ["leads", "1"],
  ["converted", "converted"],
];

export const leadRollups: Rollup[] = [
  { table: "report_lead_daily", facts: "report_lead_facts", id: "lead_id", keys: leadKeys("channel", "channel"), measures: leadMeasures },
  { table: "report_lead_daily", facts: "report_lead_facts", id: "lead_id", keys: leadKeys("utm", "utm_source"), measures: leadMeasures },
  {
    table: "report_lead_days_monthly",
    facts: "report_lead_facts",
    id: "lead_id",
    keys: [
      ["org_id", "org_id"],
      ["month", "date_trunc('month', day)::date"],
      ["crm_user_id", "crm_user_id"],
      ["source_id", "source_id"],
      ["channel", "channel"],
      ["tenths", "(round(days_to_convert::numeric, 1) * 10)::int"],
    ],
    measures: [["leads", "1"]],
    where: "days_to_convert is not null",
    period: { column: "month", ofDay: "date_trunc('month', d)::date" },
  },
];

export const activityRollups: Rollup[] = [
  {
    table: "report_activity_daily",
    facts: "report_activity_facts",
    id: "activity_id",
    keys: ["org_id", "day", "crm_user_id", "source_id", "type"].map((c) => [c, c]),
    measures: [
      ["activities", "1"],
      ["call_seconds", "call_seconds"],
    ],
  },
];

const list = (items: string[]) => sql.raw(items.join(", "));

/**
 * Adds (sign 1) or subtracts (sign −1) the facts matching `ids` (a condition on the facts' id
 * column) to the rollup, in key order so that two writers lock rollup rows in the same order.
 */
export function applyFacts(rollup: Rollup, orgId: string, ids: SQL, sign: 1 | -1): SQL {
  const keyColumns = rollup.keys.map(([column]) => column);
  const keyExprs = rollup.keys.map(([, expr]) => expr);
  const measureColumns = rollup.measures.map(([column]) => column);
  const sums = rollup.measures.map(([, expr]) => `${sign} * sum(${expr})`);
  // by position: a constant key (the kind) cannot be named in GROUP BY or ORDER BY
  const positions = list(keyExprs.map((_, index) => String(index + 1)));
  // facts that add nothing (a stage reached again, with no stay) make no rollup row
  const nonZero = sql.raw(`not (${rollup.measures.map(([, expr]) => `sum(${expr}) = 0`).join(" and ")})`);
  const updates = measureColumns.map((c) => `${c} = ${rollup.table}.${c} + excluded.${c}`);
  return sql`insert into ${sql.raw(rollup.table)} (${list([...keyColumns, ...measureColumns])})
    select ${list([...keyExprs, ...sums])}
    from ${sql.raw(rollup.facts)}
    where org_id = ${orgId} and ${ids}${rollup.where ? sql.raw(` and ${rollup.where}`) : sql``}
    group by ${positions}
    having ${nonZero}
    order by ${positions}
    on conflict on constraint ${sql.raw(`${rollup.table}_key`)} do update set ${list(updates)}`;
}

/** The key columns between org_id and day in a rollup's unique index, listed so the index finds the days. */
const keysBeforeDay: Record<string, string> = {
  report_deal_daily: "kind in ('created', 'closed')",
  report_lead_daily: "dimension in ('channel', 'utm')",
};

/** Drops the rollup rows of the touched days (`days`: a one-column set of dates named d) whose every measure came back to zero. */
export function deleteEmptyRows(rollup: Rollup, orgId: string, days: SQL): SQL {
  const { table } = rollup;
  const leading = keysBeforeDay[table] ? sql.raw(` and ${keysBeforeDay[table]}`) : sql``;
  const period = rollup.period ?? { column: "day", ofDay: "d" };
  const zero = sql.raw(rollup.measures.map(([m]) => `${m} = 0`).join(" and "));
  return sql`delete from ${sql.raw(table)} where org_id = ${orgId}${leading}
    and ${sql.raw(period.column)} in (select ${sql.raw(period.ofDay)} from (${days}) touched(d)) and ${zero}`;
}

export type { Rollup };
