// Charts drawn as vector graphics with pdfkit: grouped bars, lines, horizontal bars and a funnel,
// with value-axis ticks, category labels and a legend. Data comes from the export's ChartSpec.
import type { Locale } from "@/lib/format";
import type { ChartSpec } from "../model";
import { axisLabel } from "./chart-scale";
import { CHART_COLOURS, columnsLayout, legendLayout, seriesColour, type Box } from "./chart-layout";

type Pdf = PDFKit.PDFDocument;

const AXIS = "#64748b";
const GRID = "#e2e8f0";

function fitText(pdf: Pdf, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const measureAt = (pdf: Pdf, size: number) => (text: string) => pdf.fontSize(size).widthOfString(text);

/** The legend above the chart, wrapped as legendLayout placed it (the plot begins below it). */
function legend(pdf: Pdf, spec: ChartSpec, box: Box) {
  const { items } = legendLayout(spec, box, measureAt(pdf, 7));
  pdf.fontSize(7);
  for (const item of items) {
    pdf.rect(item.x, item.y + 2, 8, 8).fill(item.colour);
    pdf.fillColor("#0f172a").text(item.name, item.x + 11, item.y + 2, { lineBreak: false });
  }
}

/** Bars (grouped per category) or lines over categories, with a value axis on the left. */
function columnsOrLines(pdf: Pdf, spec: ChartSpec, box: Box, format: (value: number) => string) {
  const { plot, ticks, axisWidth, yOf, bars } = columnsLayout(spec, box, measureAt(pdf, 6), measureAt(pdf, 7), format);
  legend(pdf, spec, box);
  pdf.fontSize(6);
  for (const tick of ticks) {
    pdf.moveTo(plot.x, yOf(tick)).lineTo(plot.x + plot.width, yOf(tick)).lineWidth(0.5).strokeColor(GRID).stroke();
    pdf.fillColor(AXIS).text(format(tick), box.x, yOf(tick) - 3, { width: axisWidth - 4, align: "right", lineBreak: false });
  }
  pdf.moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).lineWidth(0.8).strokeColor(AXIS).stroke();
  const slot = plot.width / Math.max(1, spec.categories.length);
  spec.categories.forEach((category, index) => {
    pdf.fillColor(AXIS).text(fitText(pdf, category, slot - 2), plot.x + index * slot, plot.y + plot.height + 4, { width: slot, align: "center", lineBreak: false });
  });
  for (const bar of bars) pdf.rect(bar.box.x, bar.box.y, bar.box.width, bar.box.height).fill(seriesColour(spec, bar.series));
  if (spec.kind !== "lines") return;
  spec.series.forEach((series, s) => {
    const colour = seriesColour(spec, s);
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
  });
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
    pdf.rect(box.x + labelWidth, y + rowHeight * 0.15, Math.max(width, 0.5), rowHeight * 0.7).fill(seriesColour(spec, 0));
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
