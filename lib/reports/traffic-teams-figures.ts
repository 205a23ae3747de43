// The arithmetic of the traffic dashboard in integers, so no float touches the money: exact sums of
// base-currency amounts (ten decimals, what an amount × an eight-decimal rate has), a team's spend
// allocated to a scoped viewer, and CPL, CAC, ROMI and conversion with "—" (null) for a zero divisor.
import { averageMoney, fromCents, ratio } from "./deal-sql";

/** Money in units of 10⁻¹⁰: sums stay exact; each figure is rounded to the cent once, when shown. */
export type Exact = bigint;
const UNITS_PER_CENT = 100_000_000n;

/** "1234.5" / "-0.0000000001" (a numeric's text) as exact units. */
export function toExact(amount: string): Exact {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const units = BigInt(whole || "0") * 10_000_000_000n + BigInt((fraction + "0000000000").slice(0, 10));
  return negative ? -units : units;
}

/** a ÷ b rounded half away from zero (b > 0). */
function divideRounded(a: bigint, b: bigint): bigint {
  return (2n * a + (a < 0n ? -b : b)) / (2n * b);
}

export const toCents = (units: Exact): bigint => divideRounded(units, UNITS_PER_CENT);

/** What is summed per team, month or UTM value before the ratios are taken. */
export type TrafficSums = { leads: number; wonDeals: number; revenue: Exact; spend: Exact };

export type TrafficFigures = {
  leads: number;
  wonDeals: number;
  /** Won deals' amounts in the base currency at the rate of their close day. */
  revenue: string;
  /** Ad spend in the base currency (allocated for a director or a manager); null where no spend can exist (Unattributed). */
  spend: string | null;
  /** spend ÷ leads; null when either is 0. */
  cpl: string | null;
  /** spend ÷ won deals; null when either is 0. */
  cac: string | null;
  /** (revenue − spend) ÷ spend as a fraction (−1 = −100 %); null without spend. */
  romi: number | null;
  /** won deals ÷ leads; null without leads. */
  conversionRate: number | null;
};

export const noSums = (): TrafficSums => ({ leads: 0, wonDeals: 0, revenue: 0n, spend: 0n });

export function addSums(a: TrafficSums, b: TrafficSums): TrafficSums {
  return { leads: a.leads + b.leads, wonDeals: a.wonDeals + b.wonDeals, revenue: a.revenue + b.revenue, spend: a.spend + b.spend };
}

/**
 * A scoped viewer's part of a team's spend: spend × their leads ÷ all of the team's leads (shown to
 * the cent like any figure). No leads of the team in the organisation → nothing to allocate by → 0.
 */
export function allocate(spend: Exact, visibleLeads: number, allLeads: number): Exact {
  if (allLeads === 0 || visibleLeads === 0) return 0n;
  return divideRounded(spend * BigInt(visibleLeads), BigInt(allLeads));
}

/** The figures of one row; `hasSpend` false for the Unattributed row, whose spend and spend ratios are null. */
export function trafficFigures(sums: TrafficSums, hasSpend = true): TrafficFigures {
  const revenueCents = toCents(sums.revenue);
  const spendCents = toCents(sums.spend);
  const spend = fromCents(spendCents);
  const isSpent = hasSpend && spendCents !== 0n;
  return {
    leads: sums.leads,
    wonDeals: sums.wonDeals,
    revenue: fromCents(revenueCents),
    spend: hasSpend ? spend : null,
    cpl: isSpent ? averageMoney(spend, sums.leads) : null,
    cac: isSpent ? averageMoney(spend, sums.wonDeals) : null,
    romi: isSpent ? ratio(Number(revenueCents - spendCents), Number(spendCents)) : null,
    conversionRate: ratio(sums.wonDeals, sums.leads),
  };
}
