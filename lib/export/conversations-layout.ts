// How the Conversations report becomes export sections: objections per manager (with the totals
// row), per stage and per month with the tone, lost deals by their last objection, the lost deals
// themselves and the example quotes. Headers come from the dashboard's texts.
import type { Locale } from "@/lib/format";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { conversationsMessages } from "@/lib/i18n/conversations-messages";
import { OBJECTION_TYPES } from "@/lib/ai/schema";
import type { ConversationsResult, ObjectionCounts } from "@/lib/reports/conversations";
import { chartMonth } from "./chart-month";
import { defineTable, type Column, type ExportSection } from "./model";

type Texts = { t: ExportMessages; locale: Locale };

export const conversationsTitles = (locale: Locale) => ({ report: conversationsMessages[locale].report, dashboard: conversationsMessages[locale].dashboard });

function objectionColumns<R extends ObjectionCounts>(locale: Locale): Column<R>[] {
  const m = conversationsMessages[locale];
  return [
    ...OBJECTION_TYPES.map((type): Column<R> => ({ key: type, header: m.objection[type], type: "integer", value: (row) => row[type] })),
    { key: "total", header: m.columns.total, type: "integer", value: (row) => row.total },
  ];
}

export function conversationsLayout(result: unknown, { locale }: Texts): ExportSection[] {
  const { rows, totals, byStage, byMonth, lostByObjection, lostDeals, quotes } = result as ConversationsResult;
  const m = conversationsMessages[locale];
  const c = m.columns;
  type ManagerRow = (typeof rows)[number];
  type MonthRow = (typeof byMonth)[number];
  const name = (row: ManagerRow) => row.managerName ?? m.noManager;
  const objectionName = (type: string | null) => (type === null ? m.noObjection : m.objection[type]);
  const managers = defineTable<ManagerRow>({
    columns: [
      { key: "managerName", header: c.manager, type: "text", value: name },
      { key: "texts", header: c.texts, type: "integer", value: (row) => row.texts },
      { key: "analysed", header: c.analysed, type: "integer", value: (row) => row.analysed },
      ...objectionColumns<ManagerRow>(locale),
      { key: "averageSentiment", header: c.averageSentiment, type: "decimal", value: (row) => row.averageSentiment },
    ],
    rows,
    totals: { managerId: null, managerName: "", ...totals },
  });
  const stages = defineTable<(typeof byStage)[number]>({
    columns: [
      { key: "pipelineName", header: c.pipeline, type: "text", value: (row) => row.pipelineName },
      { key: "stageName", header: c.stage, type: "text", value: (row) => row.stageName },
      ...objectionColumns(locale),
    ],
    rows: byStage,
  });
  const months = defineTable<MonthRow>({
    columns: [
      { key: "month", header: c.month, type: "month", value: (row) => row.month },
      { key: "texts", header: c.texts, type: "integer", value: (row) => row.texts },
      { key: "analysed", header: c.analysed, type: "integer", value: (row) => row.analysed },
      { key: "averageSentiment", header: c.averageSentiment, type: "decimal", value: (row) => row.averageSentiment },
      { key: "positive", header: c.positive, type: "integer", value: (row) => row.positive },
      { key: "neutral", header: c.neutral, type: "integer", value: (row) => row.neutral },
      { key: "negative", header: c.negative, type: "integer", value: (row) => row.negative },
      ...objectionColumns<MonthRow>(locale),
    ],
    rows: byMonth,
  });
  const lost = defineTable<(typeof lostByObjection)[number]>({
    columns: [
      { key: "type", header: c.objection, type: "text", value: (row) => objectionName(row.type) },
      { key: "deals", header: c.deals, type: "integer", value: (row) => row.deals },
      { key: "share", header: c.share, type: "percent", value: (row) => row.share },
    ],
    rows: lostByObjection,
  });
  const lostList = defineTable<(typeof lostDeals)[number]>({
    columns: [
      { key: "title", header: c.deal, type: "text", value: (row) => row.title },
      { key: "managerName", header: c.manager, type: "text", value: (row) => row.managerName ?? m.noManager },
      { key: "closedAt", header: c.closed, type: "datetime", value: (row) => row.closedAt },
      { key: "type", header: c.objection, type: "text", value: (row) => objectionName(row.type) },
      { key: "quote", header: c.quote, type: "text", value: (row) => row.quote ?? "" },
    ],
    rows: lostDeals,
  });
  const quoteList = defineTable<(typeof quotes)[number]>({
    columns: [
      { key: "type", header: c.objection, type: "text", value: (row) => objectionName(row.type) },
      { key: "quote", header: c.quote, type: "text", value: (row) => row.quote },
      { key: "dealTitle", header: c.deal, type: "text", value: (row) => row.dealTitle },
      { key: "managerName", header: c.manager, type: "text", value: (row) => row.managerName ?? m.noManager },
      { key: "occurredAt", header: c.date, type: "datetime", value: (row) => row.occurredAt },
    ],
    rows: quotes,
  });
  const objectionSeries = <R extends ObjectionCounts>(list: R[]) => OBJECTION_TYPES.map((type) => ({ name: m.objection[type], values: list.map((row) => row[type]) }));
  return [
    { key: "rows", title: m.byManager, table: managers, chart: { kind: "hbars", categories: rows.map(name), series: objectionSeries(rows), valueType: "integer" } },
    { key: "byStage", title: m.byStage, table: stages },
    {
      key: "byMonth",
      title: m.sentiment,
      table: months,
      chart: { kind: "lines", categories: byMonth.map((row) => chartMonth(row.month, locale)), series: [{ name: c.averageSentiment, values: byMonth.map((row) => row.averageSentiment) }], valueType: "decimal" },
    },
    { key: "lostByObjection", title: m.lost, table: lost, chart: { kind: "hbars", categories: lostByObjection.map((row) => objectionName(row.type)), series: [{ name: c.deals, values: lostByObjection.map((row) => row.deals) }], valueType: "integer" } },
    { key: "lostDeals", title: m.lostDeals, table: lostList },
    { key: "quotes", title: m.quotes, table: quoteList },
  ];
}
