// A group's sums turned into the measures a person reads, by the fixed reports' own rules: money
// rounded to the cent as sales by month sums it, averages and ratios taken after summing (averageMoney,
// fraction), call minutes and median days to one decimal as manager activity shows them.
import { averageMoney } from "../deal-sql";
import { fraction } from "../lead-conversion";
import { MEASURE_FAMILY, type Family, type Measure } from "./catalogue";
import type { GroupRow } from "./fact-queries";

/** Money as an exact decimal string, counts and ratios as numbers; null where no figure exists (nothing to divide by). */
export type MeasureValue = string | number | null;
export type MeasureValues = Partial<Record<Measure, MeasureValue>>;

const tenth = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

/** Every measure a family's group row gives. A group the family has no row for gets `emptyRow`'s. */
export function familyValues(family: Exclude<Family, "traffic">, row: GroupRow | undefined): MeasureValues {
  const n = (name: string) => Number(row?.[name] ?? 0);
  switch (family) {
    case "won": {
      const amount = String(row?.amount ?? "0.00");
      return { wonRevenue: amount, wonDeals: n("deals"), averageDeal: averageMoney(amount, n("deals")) };
    }
    case "created":
      return { dealsCreated: n("deals") };
    case "leads":
      return { leads: n("leads"), convertedLeads: n("converted"), conversion: fraction(n("converted"), n("leads")) };
    case "activities":
      return { calls: n("calls"), emails: n("emails"), meetings: n("meetings"), tasks: n("tasks"), callMinutes: Math.round(n("seconds") / 6) / 10 };
    case "cycle":
      return { daysToClose: tenth(row?.days) };
  }
}

/** Only the asked measures of a family's values. */
export function pick(values: MeasureValues, measures: Measure[], family: Family): MeasureValues {
  return Object.fromEntries(measures.filter((m) => MEASURE_FAMILY[m] === family).map((m) => [m, values[m] ?? null]));
}
