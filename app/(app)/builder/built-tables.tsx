"use client";
// The built report as tables: the flat table (a row per group, a column per measure, the total last)
// and, with two dimensions, the pivot of one measure — the first dimension down, the second across.
import type { Locale } from "@/lib/format";
import type { BuilderMessages } from "@/lib/i18n/builder-messages";
import type { Dimension, Measure } from "@/lib/reports/builder/catalogue";
import { formatKey, formatValue } from "./builder-format";

export type BuiltRow = { keys: (string | null)[]; labels: (string | null)[]; values: Partial<Record<Measure, string | number | null>> };
type Common = { dimensions: Dimension[]; rows: BuiltRow[]; currency: string; locale: Locale; t: BuilderMessages };

const cell = "whitespace-nowrap px-3 py-2";

export function FlatTable({ dimensions, measures, rows, totals, currency, locale, t }: Common & { measures: Measure[]; totals: BuiltRow["values"] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="builder-table">
        <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
          <tr>
            {dimensions.map((d) => (
              <th key={d} scope="col" className={cell}>
                {t.dimensions[d]}
              </th>
            ))}
            {measures.map((m) => (
              <th key={m} scope="col" className={`${cell} text-right`}>
                {t.measures[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={JSON.stringify(row.keys)} className="border-b border-slate-100">
              {dimensions.map((d, i) => (
                <th key={d} scope="row" className={`${cell} text-left font-normal`}>
                  {formatKey(d, row.labels[i], locale, t)}
                </th>
              ))}
              {measures.map((m) => (
                <td key={m} className={`${cell} text-right tabular-nums`}>
                  {formatValue(m, row.values[m], currency, locale)}
                </td>
              ))}
            </tr>
          ))}
          <tr className="font-semibold" data-testid="builder-total">
            {dimensions.length ? (
              <th scope="row" colSpan={dimensions.length} className={`${cell} text-left`}>
                {t.total}
              </th>
            ) : null}
            {measures.map((m) => (
              <td key={m} className={`${cell} text-right tabular-nums`}>
                {formatValue(m, totals[m], currency, locale)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function PivotTable({ dimensions, measure, rows, currency, locale, t }: Common & { measure: Measure }) {
  const distinct = (i: number) => rows.filter((row, index) => rows.findIndex((other) => other.keys[i] === row.keys[i]) === index);
  const [down, across] = [distinct(0), distinct(1)];
  const valueAt = (a: string | null, b: string | null) => rows.find((row) => row.keys[0] === a && row.keys[1] === b)?.values[measure];
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="builder-pivot">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={`${cell} text-left`}>
              {t.dimensions[dimensions[0]]} / {t.dimensions[dimensions[1]]}
            </th>
            {across.map((column) => (
              <th key={String(column.keys[1])} scope="col" className={`${cell} text-right`}>
                {formatKey(dimensions[1], column.labels[1], locale, t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {down.map((row) => (
            <tr key={String(row.keys[0])} className="border-b border-slate-100">
              <th scope="row" className={`${cell} text-left font-normal`}>
                {formatKey(dimensions[0], row.labels[0], locale, t)}
              </th>
              {across.map((column) => {
                const value = valueAt(row.keys[0], column.keys[1]);
                return (
                  <td key={String(column.keys[1])} className={`${cell} text-right tabular-nums`}>
                    {value === undefined ? "" : formatValue(measure, value, currency, locale)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
