// The PDF chart's geometry: bars scaled to the axis's top tick (none runs past it into the legend),
// the legend wrapped above the plot, and a traffic team drawn in the colour the dashboard gives it.
import PDFDocument from "pdfkit";
import { describe, expect, it, vi } from "vitest";
import { teamColour } from "@/lib/attribution/team-colour";
import { exportMessages } from "@/lib/i18n/export-messages";
import type { TrafficTeamsResult } from "@/lib/reports/traffic-teams";
import type { ChartSpec } from "../model";
import { trafficTeamsLayout } from "../traffic-layout";
import { drawChart } from "./chart";
import { columnsLayout, type Box } from "./chart-layout";
import { pdfFonts } from "./fonts";

const box: Box = { x: 36, y: 100, width: 520, height: 190 };
// 6 pt DejaVu is about 3.5 pt a character; close enough for a layout that only needs widths.
const measure = (text: string) => text.length * 3.5;
const format = (value: number) => `${value / 1000} тыс. ₸`;

/** Revenue and spend of two teams: 112 000 is past the 100 000 tick the old scale stopped at. */
const revenueAndSpend: ChartSpec = {
  kind: "bars",
  categories: ["Kenesary", "Arystan"],
  series: [
    { name: "Выручка", values: [112_000, 40_000] },
    { name: "Расходы", values: [90_000, 0] },
  ],
  valueType: "money",
};

describe("PDF chart layout", () => {
  it("scales every bar to the axis, which ends at or above the largest value", () => {
    const { plot, ticks, bars } = columnsLayout(revenueAndSpend, box, measure, measure, format);
    expect(ticks).toEqual([0, 25_000, 50_000, 75_000, 100_000, 125_000]);
    expect(bars).toHaveLength(4);
    for (const bar of bars) {
      expect(bar.box.y).toBeGreaterThanOrEqual(plot.y);
      expect(bar.box.y + bar.box.height).toBeLessThanOrEqual(plot.y + plot.height + 1e-9);
    }
    // the 112 000 bar is 112/125 of the plot's height
    const tallest = bars.find((bar) => bar.series === 0 && bar.category === 0)!;
    expect(tallest.box.height / plot.height).toBeCloseTo(112 / 125, 6);
  });

  it("wraps a long legend onto rows above the plot, clear of the bars", () => {
    const teams: ChartSpec = { ...revenueAndSpend, kind: "lines", series: Array.from({ length: 12 }, (_, index) => ({ name: `Команда трафика №${index + 1}`, values: [1000, 2000] })) };
    const { legend, plot } = columnsLayout(teams, box, measure, measure, format);
    const rows = new Set(legend.map((item) => item.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const item of legend) {
      expect(item.x + 11 + measure(item.name)).toBeLessThanOrEqual(box.x + box.width);
      expect(item.y + 10).toBeLessThanOrEqual(plot.y); // the 8 pt swatch sits 2 pt below its row's top
    }
  });
});

function pdfWithFonts() {
  const pdf = new PDFDocument({ size: "A4", font: "" });
  pdf.registerFont("regular", pdfFonts().regular);
  pdf.registerFont("bold", pdfFonts().bold);
  return pdf;
}

const team = (teamId: string, teamName: string, color: string | null) => ({ teamId, teamName, color, emoji: null, isActive: true, leadShare: null, revenueShare: null, ...figures("1000") });
function figures(revenue: string) {
  return { leads: 1, wonDeals: 1, revenue, spend: null, cpl: null, cac: null, romi: null, conversionRate: null };
}

describe("PDF chart drawing", () => {
  it("draws no bar above the plot's top, where the legend is", () => {
    const pdf = pdfWithFonts();
    const rects: Box[] = [];
    const rect = pdf.rect.bind(pdf);
    vi.spyOn(pdf, "rect").mockImplementation((x, y, width, height) => {
      rects.push({ x, y, width, height });
      return rect(x, y, width, height);
    });
    drawChart(pdf, revenueAndSpend, box, "ru", "KZT");
    const swatches = rects.filter((r) => r.width === 8 && r.height === 8);
    const bars = rects.filter((r) => !(r.width === 8 && r.height === 8));
    expect(swatches).toHaveLength(2);
    expect(bars).toHaveLength(4);
    const legendBottom = Math.max(...swatches.map((r) => r.y + r.height));
    for (const bar of bars) {
      expect(bar.y).toBeGreaterThan(legendBottom);
      expect(bar.y + bar.height).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  it("gives each team in the monthly revenue chart the colour the dashboard draws it in", () => {
    const result = {
      spendBasis: "full",
      rows: [team("t1", "Kenesary", "#e4572e"), team("t2", "Arystan", "#2f6fed"), team("t3", "Без цвета", null)],
      totals: {},
      byMonth: [{ teamId: "t1", month: "2025-01", ...figures("5000") }, { teamId: "t2", month: "2025-01", ...figures("3000") }, { teamId: "t3", month: "2025-01", ...figures("1000") }],
      bySource: [],
      byCampaign: [],
    } as unknown as TrafficTeamsResult;
    const byMonth = trafficTeamsLayout(result, { t: exportMessages.ru, locale: "ru" }).find((section) => section.key === "byMonth")!.chart!;
    expect(byMonth.series.map((series) => [series.name, series.colour])).toEqual([
      ["Kenesary", "#e4572e"],
      ["Arystan", "#2f6fed"],
      ["Без цвета", "#94a3b8"],
    ]);
    expect(byMonth.series.map((series) => series.colour)).toEqual(result.rows.map((row) => teamColour(row.color)));

    const pdf = pdfWithFonts();
    const filled: string[] = [];
    const fill = pdf.fill.bind(pdf);
    vi.spyOn(pdf, "fill").mockImplementation((colour?: PDFKit.Mixins.ColorValue) => {
      if (typeof colour === "string") filled.push(colour);
      return fill(colour);
    });
    drawChart(pdf, byMonth, box, "ru", "KZT");
    // each legend swatch and each month's point in the team's own colour
    expect(filled.filter((colour) => colour === "#e4572e")).toHaveLength(2);
    expect(filled.filter((colour) => colour === "#2f6fed")).toHaveLength(2);
    expect(filled.filter((colour) => colour === "#94a3b8")).toHaveLength(2);
  });
});
