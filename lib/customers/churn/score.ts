// Scores customers and stores the result on their rows: every customer of an organisation once a
// day (with a fresh organisation-wide gap and backtest), and in between only those whose orders
// changed (recomputeCustomers clears their churn_scored_at). Runs in the background, never in a write,
// and writes in small statements of their own, so a shop webhook's transaction never waits on it.
import { and, eq, sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { churnRuns, customers, organisations } from "@/db/schema";
import type { Db } from "@/db/types";
import { orgIsActive } from "@/lib/hosted/suspension";
import { getCustomerSettings } from "../settings";
import { churnBacktest } from "./backtest";
import { churnScore, DEFAULT_PRIOR_GAP_DAYS } from "./model";
import { readCustomerDays, type CustomerDays } from "./read-days";

const UPDATE_CHUNK = 1000;
/** Customers rescored per organisation per background call between the daily full runs. */
export const DIRTY_BATCH = 5000;
export const FULL_SCORING_EVERY_MS = 24 * 60 * 60_000;

async function orgOf(db: Db, orgId: string) {
  const [org] = await db.select({ timezone: organisations.timezone }).from(organisations).where(eq(organisations.id, orgId)).limit(1);
  if (!org) throw new Error(`Organisation ${orgId} not found`);
  return { orgId, timezone: org.timezone, inactiveDays: (await getCustomerSettings(db, orgId)).inactiveDays };
}

/** The customers to score with their churn_scored_at as read before their orders (exact, as text). */
type Seen = { id: string; scoredAt: string | null }[];
function readSeen(db: Db, orgId: string, onlyDirty: boolean): Promise<Seen> {
  return selectRows<{ id: string; scoredAt: string | null }>(
    db,
    sql`select id::text as id, churn_scored_at::text as "scoredAt" from customers
        where org_id = ${orgId} ${onlyDirty ? sql`and churn_scored_at is null order by id limit ${DIRTY_BATCH}` : sql``}`,
  );
}

/**
 * Writes each customer's risk (null without a counted order). A row whose churn_scored_at changed
 * since it was read — its orders changed meanwhile — is left for the next step, which reads them again.
 */
async function store(db: Db, orgId: string, seen: Seen, days: CustomerDays[], prior: number, now: Date): Promise<void> {
  const byId = new Map(days.map((c) => [c.customerId, c]));
  const values = seen.map(({ id, scoredAt }) => {
    const c = byId.get(id);
    const score = c ? churnScore({ count: c.gaps, sum: c.gapDays }, c.daysSince, prior) : null;
    return { id, seen: scoredAt, risk: score?.risk ?? null, gap: score?.typicalGapDays ?? null };
  });
  for (let i = 0; i < values.length; i += UPDATE_CHUNK) {
    await db.execute(sql`
      update customers c set churn_risk = v.risk, churn_gap_days = v.gap, churn_scored_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(values.slice(i, i + UPDATE_CHUNK))}::jsonb) as v(id uuid, seen timestamptz, risk float8, gap float8)
      where c.id = v.id and c.org_id = ${orgId} and c.churn_scored_at is not distinct from v.seen`);
  }
}

/** Every customer of the organisation, the organisation's gap and the backtest. */
export async function scoreAllCustomers(db: Db, orgId: string, now = new Date()) {
  const org = await orgOf(db, orgId);
  const seen = await readSeen(db, orgId, false);
  const days = await readCustomerDays(db, { orgId, timezone: org.timezone, asOf: now });
  const prior = days.medianGapDays ?? DEFAULT_PRIOR_GAP_DAYS;
  await store(db, orgId, seen, days.customers, prior, now);
  const test = await churnBacktest(db, org, now);
  const run = { scoredAt: now, priorGapDays: prior, customersScored: days.customers.length, ...test };
  await db.insert(churnRuns).values({ orgId, ...run }).onConflictDoUpdate({ target: churnRuns.orgId, set: run });
  return run;
}

/** Customers whose orders changed since their last scoring, with the organisation's stored gap. */
export async function scoreChangedCustomers(db: Db, orgId: string, priorGapDays: number, now = new Date()): Promise<number> {
  const seen = await readSeen(db, orgId, true);
  if (seen.length === 0) return 0;
  const org = await orgOf(db, orgId);
  const days = await readCustomerDays(db, { orgId, timezone: org.timezone, asOf: now, customerIds: seen.map((c) => c.id) });
  await store(db, orgId, seen, days.customers, priorGapDays, now);
  return seen.length;
}

/** The background step (webhooks cron, every minute): a full scoring where a day has passed, else the changed customers; suspended organisations wait. */
export async function refreshChurnScores(db: Db, now = new Date()): Promise<void> {
  const orgs = await db
    .select({ orgId: organisations.id, scoredAt: churnRuns.scoredAt, prior: churnRuns.priorGapDays })
    .from(organisations)
    .leftJoin(churnRuns, eq(churnRuns.orgId, organisations.id))
    .where(and(sql`exists (select 1 from ${customers} c where c.org_id = ${organisations.id})`, orgIsActive(organisations.id)));
  for (const org of orgs) {
    if (!org.scoredAt || now.getTime() - org.scoredAt.getTime() >= FULL_SCORING_EVERY_MS) await scoreAllCustomers(db, org.orgId, now);
    else await scoreChangedCustomers(db, org.orgId, org.prior ?? DEFAULT_PRIOR_GAP_DAYS, now);
  }
}

