// The Telegram text of one anomaly, in the organisation's language: what moved, by how much against
// the usual, on which days, and whose series it is (a department's, a manager's).
import type { AnomalySeriesType } from "@/db/schema";
import type { Locale } from "@/lib/format";

export type AnomalyForMessage = {
  type: AnomalySeriesType;
  label: string;
  department: string | null;
  from: string;
  to: string;
  expected: number;
  actual: number;
  direction: "drop" | "spike";
  severity: "low" | "medium" | "high";
};

const TEXT = {
  ru: {
    type: { leads_source: "Лиды из источника", leads_utm: "Лиды с utm_source", won_revenue: "Выручка (выигранные сделки)", activities: "Активности менеджера", calls: "Звонки менеджера", webhooks: "Вебхуки источника" },
    direction: { drop: "ниже обычного", spike: "выше обычного" },
    severity: { low: "низкая", medium: "средняя", high: "высокая" },
    line: "{actual} вместо обычных ~{expected}",
    severityLabel: "Важность",
    department: "Отдел",
    none: "(не указан)",
  },
  en: {
    type: { leads_source: "Leads from source", leads_utm: "Leads with utm_source", won_revenue: "Won revenue", activities: "Manager's activities", calls: "Manager's calls", webhooks: "Webhooks of source" },
    direction: { drop: "below usual", spike: "above usual" },
    severity: { low: "low", medium: "medium", high: "high" },
    line: "{actual} instead of the usual ~{expected}",
    severityLabel: "Severity",
    department: "Department",
    none: "(not set)",
  },
} as const;

const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function renderAnomalyMessage(anomaly: AnomalyForMessage, locale: Locale): string {
  const t = TEXT[locale];
  const number = (value: number) => new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: anomaly.type === "won_revenue" ? 0 : 1 }).format(value);
  const days = anomaly.from === anomaly.to ? day(anomaly.from) : `${day(anomaly.from)} – ${day(anomaly.to)}`;
  const series = anomaly.type === "won_revenue" ? t.type.won_revenue : `${t.type[anomaly.type]} «${anomaly.label || t.none}»`;
  return [
    `⚠️ ${series}: ${t.direction[anomaly.direction]}`,
    `${days}: ${t.line.replace("{actual}", number(anomaly.actual)).replace("{expected}", number(anomaly.expected))}`,
    ...(anomaly.department ? [`${t.department}: ${anomaly.department}`] : []),
    `${t.severityLabel}: ${t.severity[anomaly.severity]}`,
  ].join("\n");
}
