// Runs a built report for a viewer (POST /api/reports/custom and the builder page): refuse what the
// facts cannot answer, check the filters against the scope, read each fact family once, join their
// groups on the dimension keys, name the keys, sort and cut to the limit.
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { ValidationError } from "@/lib/errors";
import { localToday } from "@/lib/time/comparison";
import type { Period } from "@/lib/time/months";
import { compareNullLast } from "../compare";
import { assertFiltersInScope, resolvePeriod, type ReportFilters } from "../filters";
import type { ReportContext } from "../report";
import { MEASURE_FAMILY, TIME_DIMENSIONS, firstUnavailablePair, isTrafficQuery, type ChartType, type Dimension, type Family, type Measure } from "./catalogue";
import { familyRows, type GroupRow } from "./fact-queries";
import { labelKeys } from "./labels";
import { reportFiltersOf, type CustomReportRequest } from "./request";
import { trafficCuts } from "./traffic-cuts";
import { familyValues, pick, type MeasureValue, type MeasureValues } from "./values";

export type CustomReportRow = { keys: (string | null)[]; labels: (string | null)[]; values: MeasureValues };
export type CustomReportAnswer = {
  report: "custom";
  currency: string;
  timezone: string;
  period: Period;
  today: string;
  filters: ReportFilters;
  measures: Measure[];
  dimensions: Dimension[];
  chart: ChartType;
  rows: CustomReportRow[];
  totals: MeasureValues;
  /** Rows before the limit; `truncated` when the limit cut some off. */
  rowCount: number;
  truncated: boolean;
};

export async function runCustomReport(db: Db, viewer: Viewer, request: CustomReportRequest, now = new Date()): Promise<CustomReportAnswer> {
  const { measures, dimensions } = request;
  assertAnswerable(request);
  const filters = reportFiltersOf(request);
  const scope = scopeOf(viewer);
  await assertFiltersInScope(db, scope, filters);
  const org = { baseCurrency: viewer.org.baseCurrency, timezone: viewer.org.timezone };
  const period = resolvePeriod(filters, org.timezone, now);
  const context: ReportContext = { db, scope, org, filters, period, now };

  const { rows, totals } = isTrafficQuery(measures, dimensions) ? await trafficCuts(context, measures, dimensions) : await factCuts(context, measures, dimensions);
  const sorted = sortRows(rows, request);
  return {
    report: "custom",
    currency: org.baseCurrency,
    timezone: org.timezone,
    period,
    today: localToday(now, org.timezone),
    filters,
    measures,
    dimensions,
    chart: request.chart,
    rows: sorted.slice(0, request.limit),
    totals,
    rowCount: sorted.length,
    truncated: sorted.length > request.limit,
  };
}

/** Refuses a measure × dimension pair the facts cannot answer (also before a built report is saved: `field` is where the body sits). */
export function assertAnswerable({ measures, dimensions }: Pick<CustomReportRequest, "measures" | "dimensions">, field = "dimensions"): void {
  const unavailable = firstUnavailablePair(measures, dimensions);
  if (!unavailable) return;
  throw new ValidationError(`${unavailable.measure} cannot be cut by ${unavailable.dimension}: the facts do not hold that pair (docs/builder.md)`, {
    code: "builder_pair_unavailable",
    field,
    params: { ...unavailable },
  });
}

/** Each family read once, its groups joined on the keys; a group one family lacks gets that family's zeros. */
async function factCuts(context: ReportContext, measures: Measure[], dimensions: Dimension[]): Promise<{ rows: CustomReportRow[]; totals: MeasureValues }> {
  const families = [...new Set(measures.map((m) => MEASURE_FAMILY[m]))] as Exclude<Family, "traffic">[];
  const results = await Promise.all(families.map(async (family) => ({ family, rows: await familyRows[family](context, dimensions) })));
  const keyOf = (row: GroupRow) => JSON.stringify([row.d0, row.d1].slice(0, dimensions.length));
  const groups = new Map<string, (string | null)[]>();
  for (const { rows } of results) for (const row of rows) if (Number(row.is_total) === 0) groups.set(keyOf(row), [row.d0, row.d1].slice(0, dimensions.length));
  const valuesAt = (key: string | null): MeasureValues =>
    Object.assign(
      {},
      ...results.map(({ family, rows }) => {
        const row = rows.find((r) => (key === null ? Number(r.is_total) === 1 : Number(r.is_total) === 0 && keyOf(r) === key));
        return pick(familyValues(family, row), measures, family);
      }),
    );
  const labels = await labelKeys(context.db, context.scope.orgId, dimensions, [...groups.values()]);
  const rows = dimensions.length === 0 ? [] : [...groups.entries()].map(([key, keys]) => ({ keys, labels: keys.map((k, i) => labels[i](k)), values: valuesAt(key) }));
  return { rows, totals: valuesAt(null) };
}

const isTime = (d: Dimension) => (TIME_DIMENSIONS as readonly Dimension[]).includes(d);

const numeric = (value: MeasureValue | undefined) => (value === null || value === undefined ? null : Number(value));

/** By the asked measure or dimension (nulls last), then by the dimensions: time in order, names alphabetically. */
function sortRows(rows: CustomReportRow[], request: CustomReportRequest): CustomReportRow[] {
  const { dimensions, sort } = request;
  const byDimension = (i: number) => (a: CustomReportRow, b: CustomReportRow) => (isTime(dimensions[i]) ? compareNullLast(a.keys[i], b.keys[i]) : compareNullLast(a.labels[i], b.labels[i]));
  const byDimensions = (a: CustomReportRow, b: CustomReportRow) => dimensions.reduce((order, _, i) => order || byDimension(i)(a, b), 0);
  if (!sort) return [...rows].sort(byDimensions);
  const sign = sort.direction === "desc" ? -1 : 1;
  const dimensionIndex = dimensions.indexOf(sort.by as Dimension);
  const first =
    dimensionIndex >= 0
      ? (a: CustomReportRow, b: CustomReportRow) => sign * byDimension(dimensionIndex)(a, b)
      : (a: CustomReportRow, b: CustomReportRow) => {
          const [x, y] = [numeric(a.values[sort.by as Measure]), numeric(b.values[sort.by as Measure])];
          if (x === y) return 0;
          if (x === null) return 1;
          if (y === null) return -1;
          return sign * (x - y);
        };
  return [...rows].sort((a, b) => first(a, b) || byDimensions(a, b));
}
