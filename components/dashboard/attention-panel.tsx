"use client";
// The Overview's "Attention" panel: the anomalies of the last 2 weeks in the viewer's scope, read from
// GET /api/anomalies (stored results; detection runs in the background). Loading, empty and error
// states; one column that wraps, so it fits a 390 px phone.
import { useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/api/call-api";
import type { AnomalyRow } from "@/lib/anomalies/list";
import { formatMoney, formatNumber, type Locale } from "@/lib/format";
import { anomalyMessages } from "@/lib/i18n/anomaly-messages";
import { errorInfoOf, errorText } from "@/lib/i18n/describe-error";
import { AnomalyMailSwitch } from "./anomaly-mail-switch";
import { ReportCard } from "./report-card";

const severityClass = { high: "bg-red-100 text-red-800", medium: "bg-amber-100 text-amber-800", low: "bg-slate-100 text-slate-700" } as const;

function shortDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** `canEmail`: the viewer may get anomaly e-mails (admins and directors), so the panel offers their switch. */
export function AttentionPanel({ locale, currency, canEmail }: { locale: Locale; currency: string; canEmail: boolean }) {
  const t = anomalyMessages[locale];
  const { data, error, isFetching } = useQuery({ queryKey: ["anomalies"], queryFn: () => callApi<{ rows: AnomalyRow[] }>("/api/anomalies"), retry: 1 });
  const amount = (row: AnomalyRow, value: number) => (row.type === "won_revenue" ? formatMoney(value, currency, locale, 0) : formatNumber(Math.round(value * 10) / 10, locale));
  return (
    <ReportCard
      title={<span title={t.subtitle}>{t.title}</span>}
      testId="attention-panel"
      isLoading={isFetching}
      loadingText={t.loading}
      error={error ? errorText(locale, errorInfoOf(error)) : null}
      errorTitle={t.failed}
      isEmpty={data !== undefined && data.rows.length === 0}
      emptyText={t.empty}
      footer={canEmail ? <AnomalyMailSwitch locale={locale} t={t.mail} /> : null}
    >
      {data ? (
        <ul className="divide-y divide-slate-100" data-testid="attention-list">
          {data.rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2 text-sm" data-testid="attention-item" data-type={row.type} data-severity={row.severity}>
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${severityClass[row.severity]}`}>{t.severity[row.severity]}</span>
              <span className="min-w-0 flex-1 break-words">
                <span className="font-medium text-slate-800">
                  {row.type === "won_revenue" ? t.type.won_revenue : `${t.type[row.type]} «${row.series.label || t.none}»`}
                </span>{" "}
                <span className={row.direction === "drop" ? "text-red-700" : "text-green-700"}>{t.direction[row.direction]}</span>
                <span className="block text-xs text-slate-500">
                  {row.from === row.to ? shortDay(row.from, locale) : `${shortDay(row.from, locale)} – ${shortDay(row.to, locale)}`}:{" "}
                  <span data-testid="attention-figures">{t.figures.replace("{actual}", amount(row, row.actual)).replace("{expected}", amount(row, row.expected))}</span>
                  {row.series.department ? ` · ${t.department}: ${row.series.department}` : ""}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="h-16" />
      )}
    </ReportCard>
  );
}
