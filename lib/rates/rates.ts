// The organisation's exchange-rate table, edited by an admin: "units of the base currency per one unit
// of the currency" from a day on, until the next rate of that currency. A change revalues exactly the
// deals whose rate day falls in that window, through the report facts, in the same transaction.
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { exchangeRates, organisations } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { refreshReportFacts } from "@/lib/reports/facts/refresh";
import { writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";
import type { RateInput } from "./schemas";

export type ExchangeRate = { id: string; currency: string; day: string; rate: string };

const columns = { id: exchangeRates.id, currency: exchangeRates.currency, day: exchangeRates.day, rate: exchangeRates.rate };

/** The rates of the viewer's organisation, by currency, newest day first. */
export async function listRates(db: Db, viewer: Viewer, filter: { currency?: string } = {}): Promise<ExchangeRate[]> {
  assertCan(viewer, "org:update");
  return db
    .select(columns)
    .from(exchangeRates)
    .where(and(eq(exchangeRates.orgId, viewer.orgId), filter.currency ? eq(exchangeRates.currency, filter.currency) : undefined))
    .orderBy(asc(exchangeRates.currency), desc(exchangeRates.day));
}

async function baseCurrencyOf(db: Db, orgId: string): Promise<string> {
  const [org] = await db.select({ baseCurrency: organisations.baseCurrency }).from(organisations).where(eq(organisations.id, orgId));
  return org.baseCurrency;
}

/**
 * Revalues the deals whose rate is looked up from the rate of (`currency`, `day`): those whose rate
 * day (creation day when open, else close day; the close day for the won amount) is on or after
 * `day` and before the currency's next rate. Usually a day or a month of one currency's deals.
 */
async function revalueDeals(tx: Db, orgId: string, currency: string, day: string): Promise<number> {
  const [next] = await tx
    .select({ day: exchangeRates.day })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.orgId, orgId), eq(exchangeRates.currency, currency), gt(exchangeRates.day, day)))
    .orderBy(asc(exchangeRates.day))
    .limit(1);
  const within = (column: string) =>
    next ? sql`(${sql.raw(column)} >= ${day}::date and ${sql.raw(column)} < ${next.day}::date)` : sql`${sql.raw(column)} >= ${day}::date`;
  const rows = await selectRows<{ dealId: string }>(
    tx,
    sql`select deal_id as "dealId" from report_deal_facts where org_id = ${orgId} and currency = ${currency} and ${within("created_day")}
      union
      select deal_id from report_deal_facts where org_id = ${orgId} and currency = ${currency} and ${within("closed_day")}`,
  );
  await refreshReportFacts(tx, orgId, { dealIds: rows.map((row) => row.dealId) });
  return rows.length;
}

/** Sets the rate of a currency on a day: adds it, or replaces the rate already there. */
export async function setRate(db: Db, viewer: Viewer, input: RateInput): Promise<{ rate: ExchangeRate; created: boolean; dealsRevalued: number }> {
  assertCan(viewer, "org:update");
  const base = await baseCurrencyOf(db, viewer.orgId);
  if (input.currency === base) {
    throw new ValidationError(`${base} is the organisation's base currency; its rate is always 1`, { code: "base_currency_rate", field: "currency", params: { currency: base } });
  }
  // Two admins adding the same day's rate at once: the second insert meets the unique index.
  return writeRate(db, viewer, input).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`The ${input.currency} rate of ${input.day} was set by someone else at the same moment; reload to see it`, {
        code: "exchange_rate_taken",
        params: { currency: input.currency, day: input.day },
      });
    }
    throw error;
  });
}

async function writeRate(db: Db, viewer: Viewer, input: RateInput): Promise<{ rate: ExchangeRate; created: boolean; dealsRevalued: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select(columns)
      .from(exchangeRates)
      .where(and(eq(exchangeRates.orgId, viewer.orgId), eq(exchangeRates.currency, input.currency), eq(exchangeRates.day, input.day)));
    const [rate] = existing
      ? await tx.update(exchangeRates).set({ rate: input.rate }).where(eq(exchangeRates.id, existing.id)).returning(columns)
      : await tx.insert(exchangeRates).values({ orgId: viewer.orgId, currency: input.currency, day: input.day, rate: input.rate }).returning(columns);
    await writeAudit(tx, viewer, {
      action: existing ? "exchange-rate.update" : "exchange-rate.create",
      targetType: "exchange_rate",
      targetId: rate.id,
      details: { currency: rate.currency, day: rate.day, rate: rate.rate, ...(existing && { from: existing.rate }) },
    });
    const dealsRevalued = await revalueDeals(tx, viewer.orgId, rate.currency, rate.day);
    return { rate, created: !existing, dealsRevalued };
  });
}

/** Deletes a rate: its days fall back to the currency's previous rate (or to none). */
export async function deleteRate(db: Db, viewer: Viewer, id: string): Promise<{ dealsRevalued: number }> {
  assertCan(viewer, "org:update");
  const rateId = parseId(id, "Exchange rate");
  return db.transaction(async (tx) => {
    const [rate] = await tx
      .delete(exchangeRates)
      .where(and(eq(exchangeRates.id, rateId), eq(exchangeRates.orgId, viewer.orgId)))
      .returning(columns);
    if (!rate) throw new NotFoundError("Exchange rate");
    await writeAudit(tx, viewer, { action: "exchange-rate.delete", targetType: "exchange_rate", targetId: rate.id, details: { currency: rate.currency, day: rate.day, rate: rate.rate } });
    return { dealsRevalued: await revalueDeals(tx, viewer.orgId, rate.currency, rate.day) };
  });
}
