// Daily exchange rates into KZT for RUB and USD: a gentle upward drift plus a mean-reverting wobble.
import type { Random } from "./random";
import type { ExchangeRateRow } from "./rows";
import { dayStartMs, isoDay, type Timeline } from "./timeline";

type Curve = { from: number; to: number; noise: number; min: number; max: number; decimals: number };

export const RATE_CURVES = {
  USD: { from: 452, to: 512, noise: 1.6, min: 440, max: 540, decimals: 2 },
  RUB: { from: 5.25, to: 5.85, noise: 0.025, min: 5.0, max: 6.5, decimals: 4 },
} satisfies Record<string, Curve>;

export type Currency = keyof typeof RATE_CURVES;
export type Rates = { rows: ExchangeRateRow[]; rateOn: (currency: Currency, day: number) => number };

export function buildRates(rnd: Random, timeline: Timeline, orgId: string): Rates {
  const series = {} as Record<Currency, Float64Array>;
  const rows: ExchangeRateRow[] = [];
  for (const currency of Object.keys(RATE_CURVES) as Currency[]) {
    const curve: Curve = RATE_CURVES[currency];
    const values = new Float64Array(timeline.days);
    let wobble = 0;
    for (let day = 0; day < timeline.days; day++) {
      wobble = wobble * 0.97 + rnd.normal() * curve.noise;
      const trend = curve.from + ((curve.to - curve.from) * day) / Math.max(1, timeline.days - 1);
      const value = Math.min(curve.max, Math.max(curve.min, trend + wobble));
      values[day] = Number(value.toFixed(curve.decimals));
      rows.push({
        id: rnd.uuid(),
        orgId,
        currency,
        day: isoDay(timeline, day),
        rate: values[day].toFixed(curve.decimals),
        createdAt: new Date(dayStartMs(timeline, day)),
      });
    }
    series[currency] = values;
  }
  return { rows, rateOn: (currency, day) => series[currency][Math.min(Math.max(day, 0), timeline.days - 1)] };
}
