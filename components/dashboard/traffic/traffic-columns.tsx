// The figure columns the traffic dashboard's tables share (teams and a team's breakdown): sortable,
// money in the base currency, ratios as percentages, "—" where a divisor is 0.
import type { ReactNode } from "react";
import type { Column } from "@/components/ui/data-table";
import { formatMoney, formatNumber, formatRate, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { TrafficFigures } from "@/lib/reports/traffic-teams";

export type TrafficTexts = DashboardMessages["traffic"];
export type FigureFormat = { currency: string; locale: Locale; isAllocated: boolean };

/** Money of the report (a decimal string), or "—" when there is none to show. */
export function showMoney(amount: string | null, currency: string, locale: Locale): string {
  return amount === null ? "—" : formatMoney(amount, currency, locale);
}

const money = (value: string | null) => (value === null ? null : Number(value));

/** The cells of one row's figures, keyed as the columns are (also the footer rows' cells). */
export function figureCells(row: TrafficFigures, { currency, locale }: FigureFormat): Record<string, ReactNode> {
  return {
    leads: formatNumber(row.leads, locale),
    wonDeals: formatNumber(row.wonDeals, locale),
    revenue: showMoney(row.revenue, currency, locale),
    spend: showMoney(row.spend, currency, locale),
    cpl: showMoney(row.cpl, currency, locale),
    cac: showMoney(row.cac, currency, locale),
    romi: formatRate(row.romi, locale),
    conversionRate: formatRate(row.conversionRate, locale),
  };
}

export function figureColumns<Row extends TrafficFigures>(t: TrafficTexts, format: FigureFormat): Column<Row>[] {
  const column = (key: keyof TrafficFigures, label: string, sortValue: (row: Row) => number | null): Column<Row> => ({
    key,
    testId: key,
    label,
    isNumeric: true,
    sortValue,
    render: (row) => figureCells(row, format)[key],
  });
  return [
    column("leads", t.leads, (row) => row.leads),
    column("wonDeals", t.wonDeals, (row) => row.wonDeals),
    column("revenue", t.revenueColumn, (row) => money(row.revenue)),
    column("spend", format.isAllocated ? t.allocatedSpendColumn : t.spendColumn, (row) => money(row.spend)),
    column("cpl", t.cpl, (row) => money(row.cpl)),
    column("cac", t.cac, (row) => money(row.cac)),
    column("romi", "ROMI", (row) => row.romi),
    column("conversionRate", t.conversion, (row) => row.conversionRate),
  ];
}
