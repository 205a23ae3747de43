// The SQL pieces of the deals list: which deals match the report filters and the clicked bucket,
// and the sort key that keyset pagination walks (the same order on every page and in exports).
import { TZDate } from "@date-fns/tz";
import { addMonths } from "date-fns";
import { and, eq, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { crmUsers, dealPatterns, deals, reportStageFacts, stages } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/errors";
import { reportRows, resolvePeriod } from "@/lib/reports/filters";
import type { Period } from "@/lib/time/months";
import type { DealListFilters, DealSort, OrgSettings } from "./deal-list";
import { isUuid } from "@/lib/uuid";
import { noTouchFor } from "./patterns";

/** An instant as a bound timestamptz parameter (the same on PGlite and postgres-js). */
const at = (date: Date): SQL => sql`${date.toISOString()}::timestamptz`;

/**
 * The period the list is limited to, or null for all deals: a list without `periodOn`, `from`, `to`
 * or `preset` is not cut by date; otherwise the period resolves exactly as in the reports
 * (last 12 months by default), narrowed to `month` when a month bar was clicked.
 */
export function listPeriod(filters: Pick<DealListFilters, "from" | "to" | "preset" | "month"> & { periodOn?: string; reachedStageId?: string }, org: OrgSettings, now: Date): Period | null {
  const hasPeriod = filters.periodOn || filters.from || filters.to || filters.preset || filters.month || filters.reachedStageId;
  if (!hasPeriod) return null;
  const period = resolvePeriod(filters, org.timezone, now);
  if (!filters.month) return period;
  const [year, month] = filters.month.split("-").map(Number);
  const start = new TZDate(year, month - 1, 1, org.timezone);
  const monthFrom = new Date(start.getTime());
  const monthTo = new Date(addMonths(start, 1).getTime());
  return { from: new Date(Math.max(period.from.getTime(), monthFrom.getTime())), to: new Date(Math.min(period.to.getTime(), monthTo.getTime())) };
}

/** A traffic team's rows, or with "none" the Unattributed ones (no team matched their UTM tags). */
export function teamCondition(column: AnyColumn, teamId: string): SQL {
  return teamId === "none" ? isNull(column) : eq(column, teamId);
}

/**
 * A UTM tag bucket: the tag (trimmed, blank = not set, as the reports read it) equals the value —
 * in any case with `anyCase`, as the Traffic dashboard groups tags — or is not set for the "not set" row.
 */
export function tagCondition(column: AnyColumn, value: string | undefined, isNotSet: boolean, anyCase: boolean): SQL | undefined {
  const tag = sql`nullif(btrim(${column}), '')`;
  if (isNotSet) return sql`${tag} is null`;
  if (value === undefined) return undefined;
  return anyCase ? sql`lower(${tag}) = lower(${value})` : sql`${tag} = ${value}`;
}

/** The rate day of a deal's base amount, as in the reports: close date for won/lost, creation date for open deals. */
export const rateDay = sql`(case when ${stages.semantic} = 'open' then ${deals.createdAt} else coalesce(${deals.closedAt}, ${deals.createdAt}) end)`;

/** Every condition of the list except the keyset cursor. Scope is always applied; deleted deals never match. */
export function dealListConditions(scope: Scope, filters: DealListFilters, period: Period | null, timeZone: string, now: Date): SQL {
  const conditions: (SQL | undefined)[] = [reportRows({ scope, filters }, deals), isNull(deals.deletedAt)];
  if (filters.noTouchDays) conditions.push(noTouchFor(filters.noTouchDays, now));
  if (filters.stageId) conditions.push(eq(deals.stageId, filters.stageId));
  if (filters.teamId) conditions.push(teamCondition(deals.trafficTeamId, filters.teamId));
  const anyCase = filters.tagCase === "any";
  conditions.push(tagCondition(deals.utmSource, filters.utmSource, filters.notSet === "utmSource", anyCase));
  conditions.push(tagCondition(deals.utmCampaign, filters.utmCampaign, filters.notSet === "utmCampaign", anyCase));
  if (filters.status) conditions.push(eq(stages.semantic, filters.status));
  if (filters.reachedStageId && period) {
    conditions.push(reachedStageInPeriod(filters.reachedStageId, period, timeZone));
  } else if (period) {
    // A won bar counts a deal by its close moment, a "created" figure by its creation; `to` is exclusive.
    const column = filters.periodOn === "closed" ? deals.closedAt : deals.createdAt;
    conditions.push(sql`${column} >= ${at(period.from)} and ${column} < ${at(period.to)}`);
  }
  return and(...conditions)!;
}

/**
 * The deal reached the stage on a local day inside the period, by the same stage facts the funnel
 * counts its "reached" figure from (lib/reports/facts), so the list and the bar agree by construction.
 */
function reachedStageInPeriod(stageId: string, period: Period, timeZone: string): SQL {
  const day = (instant: Date) => sql`(${at(instant)} at time zone ${timeZone})::date`;
  return sql`exists (select 1 from ${reportStageFacts} where ${reportStageFacts.dealId} = ${deals.id}
    and ${reportStageFacts.stageId} = ${stageId} and ${reportStageFacts.reached} = 1
    and ${reportStageFacts.day} >= ${day(period.from)} and ${reportStageFacts.day} < ${day(period.to)})`;
}

export type SortKey = { expression: SQL; cast: SQL; isValid: (value: string) => boolean };

const timestampText = /^(?:-?infinity|(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d{1,6})?([+-]\d\d(:?\d\d)?|Z)?)$/;

/** PostgreSQL's text of a timestamptz, naming a moment that exists (not 30 February, not 25:00). */
export function isTimestampText(value: string): boolean {
  const match = timestampText.exec(value);
  if (!match) return false;
  if (match[1] === undefined) return true; // ±infinity
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}
const numericText = /^-?\d{1,30}(\.\d{1,30})?$/;

/**
 * The sort key of each sort, never NULL so `(key, id)` compares row by row: deals without a close
 * date or without a rate sort last whichever the direction; deals without a manager sort as "".
 */
export function sortKeyOf(sort: DealSort, order: "asc" | "desc", baseAmount: SQL): SortKey {
  const last = order === "asc" ? { time: sql`'infinity'::timestamptz`, number: sql`1e20::numeric` } : { time: sql`'-infinity'::timestamptz`, number: sql`-1e20::numeric` };
  switch (sort) {
    case "created":
      return { expression: sql`${deals.createdAt}`, cast: sql`timestamptz`, isValid: isTimestampText };
    case "closed":
      return { expression: sql`coalesce(${deals.closedAt}, ${last.time})`, cast: sql`timestamptz`, isValid: isTimestampText };
    case "amount":
      return { expression: sql`coalesce(${baseAmount}, ${last.number})`, cast: sql`numeric`, isValid: (value) => numericText.test(value) };
    case "title":
      return { expression: sql`${deals.title}`, cast: sql`text`, isValid: () => true };
    case "manager":
      return { expression: sql`coalesce(${crmUsers.name}, '')`, cast: sql`text`, isValid: () => true };
    case "touches":
      // a deal whose patterns are not built yet sorts as untouched
      return { expression: sql`coalesce(${dealPatterns.touches}, 0)`, cast: sql`int`, isValid: (value) => /^\d{1,9}$/.test(value) };
  }
}

const invalidCursor = () => new ValidationError("The cursor must be the nextCursor of a previous page", { code: "invalid_cursor", field: "cursor" });

/**
 * The rows after the cursor in the chosen order: `(key, id)` beyond the last row of the previous
 * page. `id` is the listed table's key (the leads list walks its own rows the same way).
 */
export function afterCursor(key: SortKey, order: "asc" | "desc", cursor: { value: string; id: string }, id: AnyColumn = deals.id): SQL {
  if (!key.isValid(cursor.value)) throw invalidCursor();
  const operator = order === "asc" ? sql`>` : sql`<`;
  return sql`(${key.expression}, ${id}) ${operator} (cast(${cursor.value} as ${key.cast}), ${cursor.id}::uuid)`;
}

export function orderByKey(key: SortKey, order: "asc" | "desc", id: AnyColumn = deals.id): SQL[] {
  return order === "asc" ? [sql`${key.expression} asc`, sql`${id} asc`] : [sql`${key.expression} desc`, sql`${id} desc`];
}

/** A cursor names its sort, so a cursor from another order is refused instead of skipping rows. */
export function encodeCursor(sort: string, order: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, order, value, id])).toString("base64url");
}

export function decodeCursor(cursor: string, sort: string, order: string): { value: string; id: string } {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((part) => typeof part === "string") || !isUuid(parts[3])) {
    throw invalidCursor();
  }
  if (parts[0] !== sort || parts[1] !== order) {
    throw new ValidationError("The cursor belongs to another sort order; start again from the first page", { code: "cursor_sort_mismatch", field: "cursor" });
  }
  return { value: parts[2], id: parts[3] };
}
