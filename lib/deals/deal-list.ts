// The deals behind a dashboard figure: the report filters plus the bucket that was clicked (a won
// month, a stage, a manager, a status), sorted and keyset-paginated for the table, and streamed
// in the same order for exports of any size.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { z } from "zod";
import { crmUsers, dealPatterns, deals, organisations, pipelines, sources, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { baseAmountSql } from "@/lib/reports/base-amount";
import { assertFiltersInScope, bucketLabelSchema, reportFiltersSchema, tagCaseSchema, teamIdSchema } from "@/lib/reports/filters";
import { crmLinkSources, crmUrlOf } from "./crm-link-sources";
import { patternsOfDeals, type DealPatternFigures } from "./patterns";
import { storedWinProbabilities } from "@/lib/predict/scores";
import { dealTextFields, postgresClient, streamThroughCursor } from "./deal-stream";
import { afterCursor, dealListConditions, decodeCursor, encodeCursor, listPeriod, orderByKey, rateDay, sortKeyOf } from "./deal-list-sql";
import { namedStage, namedTeam, type NamedStage } from "./reached-stage";

export const dealSorts = ["created", "closed", "amount", "title", "manager", "touches"] as const;
export type DealSort = (typeof dealSorts)[number];

export const dealListFiltersSchema = reportFiltersSchema.safeExtend({
  /** The current stage's semantic. */
  status: z.enum(["won", "lost", "open"], { message: "must be one of won, lost, open" }).optional(),
  stageId: z.uuid({ message: "must be a stage id" }).optional(),
  /** Deals attributed to this traffic team (the Traffic dashboard's team row). */
  teamId: teamIdSchema,
  /** The Traffic dashboard's breakdown row: the deal's utm_source or utm_campaign (trimmed), or `notSet` for the row without one. */
  utmSource: bucketLabelSchema,
  utmCampaign: bucketLabelSchema,
  notSet: z.enum(["utmSource", "utmCampaign"], { message: "must be utmSource or utmCampaign" }).optional(),
  /** With `any`, utm_source and utm_campaign match in any case, as the Traffic dashboard groups them. */
  tagCase: tagCaseSchema,
  /**
   * Deals that reached this stage during the period — the funnel's bar. The period then cuts on the
   * day of reaching, not on creation or closing.
   */
  reachedStageId: z.uuid({ message: "must be a stage id" }).optional(),
  /** Which date the period cuts on: creation (default) or the close moment (won / lost figures). */
  periodOn: z.enum(["created", "closed"], { message: "must be created or closed" }).optional(),
  /** One month of the period (a clicked month bar), in the organisation's time zone. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM").optional(),
  /** Open deals whose last touch (never touched: creation) is this many local days ago or more (docs/deal-card.md). */
  noTouchDays: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(3650, "must be at most 3650").optional(),
  sort: z.enum(dealSorts, { message: `must be one of ${dealSorts.join(", ")}` }).default("created"),
  order: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("desc"),
});
export type DealListFilters = z.infer<typeof dealListFiltersSchema>;

export const dealPageSchema = z.object({
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500").default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(2000).optional(),
});
export type DealPage = z.infer<typeof dealPageSchema>;

/** Parses URL search params (empty values count as absent) into the filters and the page. */
export function parseDealListQuery(params: URLSearchParams): { filters: DealListFilters; page: DealPage } {
  const entries = Object.fromEntries([...params.entries()].filter(([, value]) => value !== ""));
  return { filters: dealListFiltersSchema.parse(entries), page: dealPageSchema.parse(entries) };
}

/** One deal as a person reads it; amounts are decimal strings, times ISO 8601 instants. */
export type DealListRow = {
  id: string;
  externalId: string;
  title: string;
  managerId: string | null;
  managerName: string | null;
  pipelineId: string;
  pipelineName: string;
  stageId: string;
  stageName: string;
  semantic: "open" | "won" | "lost";
  amount: string;
  currency: string;
  /** In the organisation's base currency at the rate of the close date (open deals: creation); null without a rate. */
  baseAmount: string | null;
  createdAt: string;
  closedAt: string | null;
  sourceId: string;
  sourceName: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
};

export type DealListPage = {
  /** Each with the address of its card in the CRM and its patterns (docs/api.md, "Deal card"); exports leave them out. */
  deals: (DealListRow & { crmUrl: string | null; patterns: DealPatternFigures | null; winProbability: number | null })[];
  nextCursor: string | null;
  /** Deals matching the filters on all pages, and their base amount summed (the figure the bar showed). */
  total: number;
  totalBaseAmount: string;
  currency: string;
  timezone: string;
  period: { from: string; to: string } | null;
  /** With `reachedStageId`: that stage and its pipeline, named (null without it, or for a stage not in the organisation). */
  reachedStage: NamedStage | null;
  /** With `teamId`: that traffic team's name (null for "none", or a team not in the organisation). */
  teamName: string | null;
};

export type OrgSettings = { baseCurrency: string; timezone: string };

export async function orgSettings(db: Db, orgId: string): Promise<OrgSettings> {
  const [org] = await db.select({ baseCurrency: organisations.baseCurrency, timezone: organisations.timezone }).from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new NotFoundError("Organisation");
  return org;
}

/** What every query of the list shares: the filters checked against the scope, the WHERE clause, the sort key. */
export async function prepareDealQuery(db: Db, scope: Scope, filters: DealListFilters, now: Date) {
  await assertFiltersInScope(db, scope, filters);
  const org = await orgSettings(db, scope.orgId);
  const period = listPeriod(filters, org, now);
  const baseAmount = baseAmountSql(deals, rateDay, org.baseCurrency, org.timezone);
  return { org, period, baseAmount, where: dealListConditions(scope, filters, period, org.timezone, now), key: sortKeyOf(filters.sort, filters.order, baseAmount) };
}

/**
 * The list's query: every column as text (see `dealTextFields`) and the sort key the cursor names.
 * The cursor-read stream has no use for the sort key and leaves it out (NULL) to spare its cost.
 */
function selectDeals(db: Db, baseAmount: SQL, sortKey: ReturnType<typeof sortKeyOf>, withSortValue = true) {
  const fields = { ...dealTextFields(baseAmount), sortValue: withSortValue ? sql<string>`(${sortKey.expression})::text` : sql<string>`null` };
  return joinDealRelations(db.select(fields).from(deals).$dynamic());
}

/** A deal's stage, pipeline, source and manager: the list's joins, shared with the CSV export's COPY. */
export function joinDealRelations<Query extends PgSelect>(query: Query) {
  return query
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .innerJoin(pipelines, eq(pipelines.id, deals.pipelineId))
    .innerJoin(sources, eq(sources.id, deals.sourceId))
    .leftJoin(crmUsers, eq(crmUsers.id, deals.crmUserId))
    // the patterns' sort keys (touches)
    .leftJoin(dealPatterns, eq(dealPatterns.dealId, deals.id));
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectDeals>["execute"]>>[number];

/** The selected row without its sort key. */
function toRow({ sortValue, ...row }: SelectedRow): DealListRow {
  void sortValue; // only the cursor needs it
  return row;
}

/** One page of the list with the total of all pages. */
export async function listDeals(db: Db, scope: Scope, filters: DealListFilters, page: DealPage, now = new Date()): Promise<DealListPage> {
  const { org, period, baseAmount, where, key } = await prepareDealQuery(db, scope, filters, now);
  const cursor = page.cursor ? decodeCursor(page.cursor, filters.sort, filters.order) : null;
  const [rows, [totals], reachedStage, links, teamName] = await Promise.all([
    selectDeals(db, baseAmount, key)
      .where(and(where, cursor ? afterCursor(key, filters.order, cursor) : undefined))
      .orderBy(...orderByKey(key, filters.order))
      .limit(page.limit + 1),
    db
      .select({ total: sql<number>`count(*)::int`, totalBaseAmount: sql<string>`coalesce(sum(${baseAmount}), 0)::numeric(18,2)::text` })
      .from(deals)
      .innerJoin(stages, eq(stages.id, deals.stageId))
      .where(where),
    filters.reachedStageId ? namedStage(db, scope.orgId, filters.reachedStageId) : null,
    crmLinkSources(db, scope.orgId),
    filters.teamId ? namedTeam(db, scope.orgId, filters.teamId) : null,
  ]);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  const [patterns, chances] = await Promise.all([
    patternsOfDeals(db, scope.orgId, shown.map((row) => row.id), now),
    // Open deals only, as last scored in the background (lib/predict/scores.ts); a deal not yet scored has none.
    storedWinProbabilities(db, scope.orgId, shown.map((row) => row.id)),
  ]);
  return {
    deals: shown.map((row) => ({ ...toRow(row), crmUrl: crmUrlOf(links, row), patterns: patterns.get(row.id) ?? null, winProbability: chances.get(row.id)?.probability ?? null })),
    nextCursor: rows.length > page.limit && last ? encodeCursor(filters.sort, filters.order, last.sortValue, last.id) : null,
    total: Number(totals?.total ?? 0),
    totalBaseAmount: totals?.totalBaseAmount ?? "0.00",
    currency: org.baseCurrency,
    timezone: org.timezone,
    period: period ? { from: period.from.toISOString(), to: period.to.toISOString() } : null,
    reachedStage,
    teamName,
  };
}

/** Deals matching the filters, counted only (no sums): what an export needs before it streams. */
export async function countDeals(db: Db, scope: Scope, filters: DealListFilters, now = new Date()): Promise<{ total: number; currency: string; timezone: string; period: DealListPage["period"] }> {
  const { org, period, where } = await prepareDealQuery(db, scope, filters, now);
  const count = db.select({ total: sql<number>`count(*)::int` }).from(deals);
  // The stage is joined only when the filters name its semantic.
  const [row] = await (filters.status ? count.innerJoin(stages, eq(stages.id, deals.stageId)) : count).where(where);
  return {
    total: Number(row?.total ?? 0),
    currency: org.baseCurrency,
    timezone: org.timezone,
    period: period ? { from: period.from.toISOString(), to: period.to.toISOString() } : null,
  };
}

/**
 * Every matching deal in the chosen order, `batchSize` at a time, in constant memory. On
 * PostgreSQL one query is read through a server-side cursor, so the rows are sorted once however
 * they are sorted. Elsewhere (PGlite) each `keysetRows` are one keyset query after the previous
 * ones — at least 5,000, as every such query sorts all matching rows again unless sorted by
 * creation — handed over `batchSize` at a time.
 */
export async function* streamDeals(db: Db, scope: Scope, filters: DealListFilters, batchSize = 5000, now = new Date(), keysetRows = Math.max(batchSize, 5000)): AsyncGenerator<DealListRow[]> {
  const { baseAmount, where, key } = await prepareDealQuery(db, scope, filters, now);
  const cursorClient = postgresClient(db);
  if (cursorClient) {
    const query = selectDeals(db, baseAmount, key, false).where(where).orderBy(...orderByKey(key, filters.order));
    yield* streamThroughCursor(cursorClient, query.toSQL(), batchSize);
    return;
  }
  let cursor: { value: string; id: string } | null = null;
  for (;;) {
    const rows: SelectedRow[] = await selectDeals(db, baseAmount, key)
      .where(and(where, cursor ? afterCursor(key, filters.order, cursor) : undefined))
      .orderBy(...orderByKey(key, filters.order))
      .limit(keysetRows);
    for (let start = 0; start < rows.length; start += batchSize) yield rows.slice(start, start + batchSize).map(toRow);
    if (rows.length < keysetRows) return;
    const last: SelectedRow = rows[rows.length - 1];
    cursor = { value: last.sortValue, id: last.id };
  }
}
