"use client";
// The builder's choices: measures (checkboxes), two dimensions, the period (a preset or dates), the
// chart and, with several measures, the one the chart and pivot show; the sort and the row limit.
// Every change goes to the address.
import type { BuilderMessages } from "@/lib/i18n/builder-messages";
import { CHART_TYPES, DIMENSIONS, MAX_ROWS, MEASURES, type ChartType, type Dimension, type Measure } from "@/lib/reports/builder/catalogue";
import { periodPresetOrder } from "@/lib/reports/report-query";
import type { BuilderState } from "./builder-url";

type Props = { state: BuilderState; onChange: (next: BuilderState) => void; t: BuilderMessages };

const select = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm";
const label = "block text-xs font-medium text-slate-600";

export function BuilderControls({ state, onChange, t }: Props) {
  const set = (patch: Partial<BuilderState>) => onChange({ ...state, ...patch });
  const toggle = (measure: Measure) => set({ measures: state.measures.includes(measure) ? state.measures.filter((m) => m !== measure) : [...state.measures, measure] });
  const setDimension = (index: 0 | 1, value: string) => {
    const next = [...state.dimensions];
    if (value === "") next.splice(index);
    else next[index] = value as Dimension;
    set({ dimensions: next.filter((d, i) => next.indexOf(d) === i) });
  };
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className={label}>{t.measuresLabel}</legend>
        <div className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {MEASURES.map((measure) => (
            <label key={measure} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={state.measures.includes(measure)} onChange={() => toggle(measure)} data-testid={`measure-${measure}`} />
              {t.measures[measure]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {([0, 1] as const).map((index) => (
          <label key={index} className={label}>
            {index === 0 ? t.firstDimension : t.secondDimension}
            <select
              className={select}
              value={state.dimensions[index] ?? ""}
              disabled={index === 1 && state.dimensions.length === 0}
              onChange={(event) => setDimension(index, event.target.value)}
              data-testid={`dimension-${index}`}
            >
              <option value="">{t.noDimension}</option>
              {DIMENSIONS.filter((d) => index === 0 || d !== state.dimensions[0]).map((d) => (
                <option key={d} value={d}>
                  {t.dimensions[d]}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className={label}>
          {t.periodLabel}
          <select className={select} value={state.preset} onChange={(event) => set({ preset: event.target.value })} data-testid="builder-period">
            {[...periodPresetOrder, "custom"].map((preset) => (
              <option key={preset} value={preset}>
                {t.presets[preset]}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          {t.chartLabel}
          <select className={select} value={state.chart} onChange={(event) => set({ chart: event.target.value as ChartType })} data-testid="builder-chart-type">
            {CHART_TYPES.map((chart) => (
              <option key={chart} value={chart}>
                {t.charts[chart]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.preset === "custom" || state.measures.length > 1 ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {state.preset === "custom" ? (
            <>
              <label className={label}>
                {t.from}
                <input type="date" className={select} value={state.from} onChange={(event) => set({ from: event.target.value })} data-testid="builder-from" />
              </label>
              <label className={label}>
                {t.to}
                <input type="date" className={select} value={state.to} onChange={(event) => set({ to: event.target.value })} data-testid="builder-to" />
              </label>
            </>
          ) : null}
          {state.measures.length > 1 ? (
            <label className={label}>
              {t.pivotMeasure}
              <select className={select} value={state.pivotMeasure ?? state.measures[0]} onChange={(event) => set({ pivotMeasure: event.target.value as Measure })}>
                {state.measures.map((measure) => (
                  <option key={measure} value={measure}>
                    {t.measures[measure]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      ) : null}
      <SortAndLimit state={state} set={set} t={t} />
    </div>
  );
}

/** Sort by a shown measure or dimension (none: the API's own order), its direction, and at most N rows. */
function SortAndLimit({ state, set, t }: { state: BuilderState; set: (patch: Partial<BuilderState>) => void; t: BuilderMessages }) {
  const shown = [...state.measures, ...state.dimensions];
  const sortBy = state.sort && shown.includes(state.sort.by as never) ? state.sort.by : "";
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <label className={label}>
        {t.sortLabel}
        <select
          className={select}
          value={sortBy}
          onChange={(event) => set({ sort: event.target.value ? { by: event.target.value as Measure | Dimension, direction: state.sort?.direction ?? "desc" } : undefined })}
          data-testid="builder-sort"
        >
          <option value="">{t.sortDefault}</option>
          {shown.map((key) => (
            <option key={key} value={key}>
              {(t.measures as Record<string, string>)[key] ?? (t.dimensions as Record<string, string>)[key]}
            </option>
          ))}
        </select>
      </label>
      {sortBy ? (
        <label className={label}>
          {t.directionLabel}
          <select className={select} value={state.sort?.direction ?? "asc"} onChange={(event) => set({ sort: { by: sortBy, direction: event.target.value as "asc" | "desc" } })} data-testid="builder-direction">
            <option value="desc">{t.directions.desc}</option>
            <option value="asc">{t.directions.asc}</option>
          </select>
        </label>
      ) : null}
      <label className={label}>
        {t.limitLabel}
        <input
          type="number"
          min={1}
          max={MAX_ROWS}
          inputMode="numeric"
          className={select}
          value={state.limit ?? ""}
          placeholder="1000"
          onChange={(event) => set({ limit: event.target.value === "" ? undefined : Number(event.target.value) })}
          data-testid="builder-limit"
        />
      </label>
    </div>
  );
}
