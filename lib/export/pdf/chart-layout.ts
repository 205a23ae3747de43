// Where a PDF chart's parts go, computed before anything is drawn: the legend's rows above the plot
// (wrapping, so a long list of teams never runs over the bars), the value axis's round ticks, and each
// bar's box scaled to the axis's top tick, so every bar stays inside the plot.
import { niceTicks } from "@/lib/charts/nice-ticks";
import type { ChartSpec } from "../model";

export type Box = { x: number; y: number; width: number; height: number };
/** The width of a text at the chart's font size (pdfkit's widthOfString). */
export type Measure = (text: string) => number;

export const CHART_COLOURS = ["#2563eb", "#94a3b8", "#16a34a", "#f59e0b"];
/** A series' colour: its own (a traffic team's, as on the dashboard) or the palette's by position. */
export const seriesColour = (spec: ChartSpec, index: number) => spec.series[index]?.colour ?? CHART_COLOURS[index % CHART_COLOURS.length];

const LEGEND_ROW = 12;
const SWATCH = 8;
const AXIS_LABELS = 16;

export type LegendItem = { name: string; colour: string; x: number; y: number };

/** The legend's entries left to right, wrapped onto a new row when the next would pass the box. */
export function legendLayout(spec: ChartSpec, box: Box, measure: Measure): { items: LegendItem[]; height: number } {
  const items: LegendItem[] = [];
  let [x, y] = [box.x, box.y];
  spec.series.forEach((series, index) => {
    const width = SWATCH + 3 + measure(series.name) + 14;
    if (x > box.x && x + width > box.x + box.width) [x, y] = [box.x, y + LEGEND_ROW];
    items.push({ name: series.name, colour: seriesColour(spec, index), x, y });
    x += width;
  });
  return { items, height: items.length === 0 ? 0 : y - box.y + LEGEND_ROW + 4 };
}

export type ColumnsLayout = {
  legend: LegendItem[];
  plot: Box;
  ticks: number[];
  axisWidth: number;
  yOf: (value: number) => number;
  /** Grouped bars, one per non-empty value: series index, category index and its box. */
  bars: { series: number; category: number; box: Box }[];
};

/** Bars or lines over categories: the legend on top, the value axis on the left, categories below. */
export function columnsLayout(spec: ChartSpec, box: Box, measureAxis: Measure, measureLegend: Measure, format: (value: number) => string): ColumnsLayout {
  const values = spec.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), { isInteger: spec.valueType === "integer" });
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const legend = legendLayout(spec, box, measureLegend);
  const axisWidth = Math.max(...ticks.map((tick) => measureAxis(format(tick)))) + 6;
  const top = box.y + legend.height + 4;
  const plot = { x: box.x + axisWidth, y: top, width: box.width - axisWidth, height: box.y + box.height - AXIS_LABELS - top };
  const yOf = (value: number) => plot.y + plot.height - ((value - low) / (high - low)) * plot.height;
  const slot = plot.width / Math.max(1, spec.categories.length);
  const barWidth = (slot * 0.7) / Math.max(1, spec.series.length);
  const bars: ColumnsLayout["bars"] = [];
  if (spec.kind === "bars") {
    spec.series.forEach((series, s) =>
      series.values.forEach((value, category) => {
        if (value === null) return;
        // A zero still shows as a hairline on the axis, drawn upwards so it stays inside the plot.
        const height = Math.max(Math.abs(yOf(value) - yOf(0)), 0.5);
        const barTop = value > 0 ? yOf(value) : value < 0 ? yOf(0) : yOf(0) - height;
        bars.push({ series: s, category, box: { x: plot.x + category * slot + slot * 0.15 + s * barWidth, y: barTop, width: barWidth, height } });
      }),
    );
  }
  return { legend: legend.items, plot, ticks, axisWidth, yOf, bars };
}
