// One recipient's message: the dashboard (or saved view, or saved built report) built for that recipient's own scope —
// a Voronka user sees their own numbers, an outside address and a Telegram chat the creator's —
// as PDF and/or XLSX files, with the headline figures and their change in the body. The files come
// from the dashboard export (lib/export), so they match what the recipient would download.
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { appUrl } from "@/lib/url/app-url";
import { displayCell } from "@/lib/export/cells";
import { buildViewDocument } from "@/lib/export/export-document";
import { cellTypeOf, type ExportDocument } from "@/lib/export/model";
import { contentTypes, exportFileName } from "@/lib/export/file-name";
import { documentToPdf } from "@/lib/export/pdf/pdf-document";
import { documentToXlsx } from "@/lib/export/xlsx";
import { formatDateRange, formatMoney, formatNumber, formatPoints, formatRate, type Locale } from "@/lib/format";
import { exportMessages } from "@/lib/i18n/export-messages";
import { fill } from "@/lib/i18n/fill";
import { scheduleMailMessages } from "@/lib/i18n/schedule-mail-messages";
import type { MailAttachment } from "@/lib/mail/mailer";
import { runReport } from "@/lib/reports/run-report";
import type { OverviewRow } from "@/lib/reports/overview-kpis";
import { reportQueryString } from "@/lib/reports/report-query";
import { dashboardHref, type SavedViewKind } from "@/lib/saved-views/dashboards";
import { narrowToScope } from "@/lib/saved-views/open";
import type { ReportFormat } from "./schemas";

export type ComposeInput = {
  db: Db;
  /** Whose scope the figures are in: the recipient, or the creator for an outside address or a chat. */
  viewer: Viewer;
  isCreatorScope: boolean;
  recipientName: string | null;
  locale: Locale;
  schedule: { name: string; dashboard: SavedViewKind; query: string; formats: ReportFormat[]; creatorName: string };
  unsubscribeUrl: string | null;
  now: Date;
};
export type ComposedMessage = { subject: string; text: string; attachments: MailAttachment[] };

/** The headline KPIs of the body, in this order. */
const HEADLINE: OverviewRow["kpi"][] = ["revenue", "wonDeals", "averageDeal", "winRate", "newLeads", "leadConversion"];

export async function composeReport(input: ComposeInput): Promise<ComposedMessage> {
  const { db, viewer, locale, schedule, now } = input;
  const t = scheduleMailMessages[locale];
  const { params } = await narrowToScope(db, viewer, schedule.query);
  const isBuilt = schedule.dashboard === "builder";
  const doc = await buildViewDocument({ db, viewer, params, locale, now }, schedule.dashboard);
  const overview = await runReport<"overview">(db, viewer, "overview", params, now);
  const period = formatDateRange(overview.period, overview.timezone, locale);
  // A built report's headline is its own totals (the builder compares no periods); a dashboard's the Overview's KPIs with their change.
  const headline = isBuilt ? totalsLines(doc) : headlineLines(overview.rows, overview.currency, locale, t.noChange);
  const attachments: MailAttachment[] = [];
  for (const format of schedule.formats) {
    const content = format === "pdf" ? await documentToPdf(doc, exportMessages[locale]) : await documentToXlsx(doc, exportMessages[locale]);
    attachments.push({ filename: exportFileName(doc, format), content: Buffer.from(content), contentType: contentTypes[format] });
  }
  const lines = [
    input.recipientName ? fill(t.greeting, { name: input.recipientName }) : t.greetingNoName,
    "",
    input.isCreatorScope ? fill(t.introCreator, { dashboard: doc.title, period, creator: schedule.creatorName }) : fill(t.intro, { dashboard: doc.title, period }),
    "",
    t.headline,
    ...headline,
    "",
    ...(attachments.length ? [fill(t.attached, { files: attachments.map((file) => file.filename).join(", ") })] : []),
    fill(t.open, { url: `${appUrl()}${dashboardHref(schedule.dashboard, isBuilt ? params.toString() : reportQueryString(params))}` }),
    "",
    "—",
    fill(t.why, { name: schedule.name, author: schedule.creatorName }),
    ...(input.unsubscribeUrl ? [fill(t.unsubscribe, { url: input.unsubscribeUrl })] : []),
  ];
  return { subject: fill(t.subject, { name: schedule.name, period }), text: lines.join("\n"), attachments };
}

/** "• Выручка (выигранные): 200 000,50 ₸": the built report's totals row, as its PDF writes it. */
function totalsLines(doc: ExportDocument): string[] {
  const { table } = doc.sections[0];
  const totals = table.totals ?? table.rows[0];
  const measures = table.columns.filter((column) => column.type !== "text" && column.type !== "month");
  return measures.map((column) => `• ${column.header}: ${displayCell(cellTypeOf(column, totals), column.value(totals), doc.locale, doc.currency, doc.timezone)}`);
}

/** "Выручка: 1 200 ₸ (+20 %)"; a rate changes in points. */
export function headlineLines(rows: OverviewRow[], currency: string, locale: Locale, noChange: string): string[] {
  const labels = exportMessages[locale].kpis;
  return HEADLINE.flatMap((kpi) => {
    const row = rows.find((candidate) => candidate.kpi === kpi);
    if (!row) return [];
    const value = valueText(kpi, row.value, currency, locale);
    const change = row.change === null ? noChange : row.changeKind === "points" ? formatPoints(row.change, locale) : signedPercent(row.change, locale);
    return [`• ${labels[kpi]}: ${value} (${change})`];
  });
}

function valueText(kpi: OverviewRow["kpi"], value: OverviewRow["value"], currency: string, locale: Locale): string {
  if (value === null) return "—";
  if (kpi === "revenue" || kpi === "averageDeal") return formatMoney(value, currency, locale);
  if (kpi === "winRate" || kpi === "leadConversion") return formatRate(Number(value), locale);
  return formatNumber(Number(value), locale);
}

function signedPercent(change: number, locale: Locale): string {
  const text = new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US", { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change);
  return locale === "ru" ? text.replace(/-(?=\d)/g, "\u2212") : text;
}
