// Charts drawn as vector graphics with pdfkit: grouped bars, lines, horizontal bars and a funnel,
// with value-axis ticks, category labels and a legend. Data comes from the export's ChartSpec.
import type { Locale } from "@/lib/format";
import type { ChartSpec } from "../model";
import { axisLabel, niceTicks } from "./chart-scale";

export type Box = { x: number; y: number; width: number; height: number };
type Pdf = PDFKit.PDFDocument;

export const CHART_COLOURS = ["#2563eb", "#94a3b8", "#16a34a", "#f59e0b"];
const AXIS = "#64748b";
const GRID = "#e2e8f0";

function fitText(pdf: Pdf, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function legend(pdf: Pdf, spec: ChartSpec, box: Box) {
  let x = box.x;
  pdf.fontSize(7);
  spec.series.forEach((series, index) => {
    pdf.rect(x, box.y + 2, 8, 8).fill(CHART_COLOURS[index % CHART_COLOURS.length]);
    pdf.fillColor("#0f172a").text(series.name, x + 11, box.y + 2, { lineBreak: false });
    x += 11 + pdf.widthOfString(series.name) + 14;
  });
}

/** Bars (grouped per category) or lines over categories, with a value axis on the left. */
function columnsOrLines(pdf: Pdf, spec: ChartSpec, box: Box, format: (value: number) => string) {
  const values = spec.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  pdf.fontSize(6);
  const axisWidth = Math.max(...ticks.map((tick) => pdf.widthOfString(format(tick)))) + 6;
  const plot = { x: box.x + axisWidth, y: box.y + 16, width: box.width - axisWidth, height: box.height - 16 - 16 };
  const yOf = (value: number) => plot.y + plot.height - ((value - low) / (high - low || 1)) * plot.height;
  for (const tick of ticks) {
    pdf.moveTo(plot.x, yOf(tick)).lineTo(plot.x + plot.width, yOf(tick)).lineWidth(0.5).strokeColor(GRID).stroke();
    pdf.fillColor(AXIS).text(format(tick), box.x, yOf(tick) - 3, { width: axisWidth - 4, align: "right", lineBreak: false });
  }
  pdf.moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).lineWidth(0.8).strokeColor(AXIS).stroke();
  const slot = plot.width / Math.max(1, spec.categories.length);
  spec.categories.forEach((category, index) => {
    pdf.fillColor(AXIS).text(fitText(pdf, category, slot - 2), plot.x + index * slot, plot.y + plot.height + 4, { width: slot, align: "center", lineBreak: false });
  });
  spec.series.forEach((series, s) => {
    const colour = CHART_COLOURS[s % CHART_COLOURS.length];
    if (spec.kind === "bars") {
      const barWidth = (slot * 0.7) / spec.series.length;
      series.values.forEach((value, index) => {
        if (value === null) return;
        const top = yOf(Math.max(value, 0));
        pdf.rect(plot.x + index * slot + slot * 0.15 + s * barWidth, top, barWidth, Math.abs(yOf(value) - yOf(0)) || 0.5).fill(colour);
      });
    } else {
      const points = series.values.map((value, index) => (value === null ? null : ([plot.x + (index + 0.5) * slot, yOf(value)] as const)));
      let started = false;
      for (const point of points) {
        if (!point) continue;
        if (started) pdf.lineTo(point[0], point[1]);
        else pdf.moveTo(point[0], point[1]);
        started = true;
      }
      if (started) pdf.lineWidth(1.5).strokeColor(colour).stroke();
      for (const point of points) if (point) pdf.circle(point[0], point[1], 1.8).fill(colour);
    }
  });
  legend(pdf, spec, box);
}

/** Horizontal bars: one per category (a manager, a source), the value written at the bar's end. */
function horizontalBars(pdf: Pdf, spec: ChartSpec, box: Box, format: (value: number) => string) {
  const values = spec.series[0]?.values ?? [];
  const max = Math.max(0, ...values.map((value) => value ?? 0)) || 1;
  pdf.fontSize(7);
  const labelWidth = Math.min(box.width * 0.3, Math.max(...spec.categories.map((category) => pdf.widthOfString(category)), 20) + 6);
  const rowHeight = Math.min(16, (box.height - 16) / Math.max(1, spec.categories.length));
  const barSpace = box.width - labelWidth - 70;
  spec.categories.forEach((category, index) => {
    const y = box.y + 16 + index * rowHeight;
    const value = values[index] ?? 0;
    pdf.fillColor("#0f172a").text(fitText(pdf, category, labelWidth - 6), box.x, y + rowHeight / 2 - 4, { width: labelWidth - 6, lineBreak: false });
    const width = (value / max) * barSpace;
    pdf.rect(box.x + labelWidth, y + rowHeight * 0.15, Math.max(width, 0.5), rowHeight * 0.7).fill(CHART_COLOURS[0]);
    pdf.fillColor(AXIS).text(format(value), box.x + labelWidth + width + 4, y + rowHeight / 2 - 4, { lineBreak: false });
  });
  pdf.moveTo(box.x + labelWidth, box.y + 16).lineTo(box.x + labelWidth, box.y + 16 + rowHeight * spec.categories.length).lineWidth(0.8).strokeColor(AXIS).stroke();
  legend(pdf, spec, box);
}

/** A funnel: centred bars narrowing with the number of deals that reached each stage. */
function funnel(pdf: Pdf, spec: ChartSpec, box: Box, format: (value: number) => string) {
  const values = spec.series[0]?.values ?? [];
  const max = Math.max(0, ...values.map((value) => value ?? 0)) || 1;
  const rowHeight = Math.min(22, (box.height - 16) / Math.max(1, spec.categories.length));
  const centre = box.x + box.width / 2;
  pdf.fontSize(7);
  spec.categories.forEach((category, index) => {
    const value = values[index] ?? 0;
    const width = Math.max(2, (value / max) * box.width * 0.6);
    const y = box.y + 16 + index * rowHeight;
    pdf.rect(centre - width / 2, y + 1, width, rowHeight - 2).fill(CHART_COLOURS[index === spec.categories.length - 1 ? 2 : 0]);
    pdf.fillColor("#0f172a").text(fitText(pdf, category, box.width * 0.2 - 4), box.x, y + rowHeight / 2 - 4, { width: box.width * 0.2 - 4, lineBreak: false });
    pdf.text(format(value), centre + box.width * 0.3 + 4, y + rowHeight / 2 - 4, { lineBreak: false });
  });
  legend(pdf, spec, box);
}

export function drawChart(pdf: Pdf, spec: ChartSpec, box: Box, locale: Locale, currency: string) {
  const format = (value: number) => axisLabel(value, spec.valueType, locale, currency);
  pdf.save();
  pdf.font("regular");
  if (spec.kind === "hbars") horizontalBars(pdf, spec, box, format);
  else if (spec.kind === "funnel") funnel(pdf, spec, box, format);
  else columnsOrLines(pdf, spec, box, format);
  pdf.restore();
  pdf.fillColor("#0f172a");
}

/** The height a chart needs: horizontal bars and funnels grow with their categories. */
export function chartHeight(spec: ChartSpec): number {
  if (spec.kind === "hbars") return 16 + Math.min(16, 200 / Math.max(1, spec.categories.length)) * spec.categories.length + 8;
  if (spec.kind === "funnel") return 16 + 22 * spec.categories.length + 8;
  return 190;
}
