"use client";
// A shop's past orders from a CSV or XLSX file: choose it, check the first rows and the columns,
// import with a progress bar, then see (and download) the rows that were rejected. The orders go
// through POST /api/sources/<id>/orders/import, the same import as JSON lines (docs/orders-import.md).
import { useState, type FormEvent } from "react";
import { CsvImportPanel } from "@/components/admin/csv-import-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatNumber, formatPlural, type Locale } from "@/lib/format";
import { describeError } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import { ordersUploadMessages } from "@/lib/i18n/orders-upload-messages";
import { guessMapping, missingFields, type ColumnMapping } from "@/lib/orders-upload/columns";
import { isEmptyRow, type Sheet } from "@/lib/orders-upload/read-csv";
import { readOrdersFile } from "@/lib/orders-upload/read-file";
import { sendOrders } from "@/lib/orders-upload/send-orders";
import { toOrders, type Rejection } from "@/lib/orders-upload/to-orders";
import { OrdersUploadMapping } from "./orders-upload-mapping";
import { OrdersUploadReport } from "./orders-upload-report";

type Props = { sourceId: string; locale: Locale; timezone: string; currency: string };
type Chosen = Sheet & { fileName: string; dataRows: number };
type Outcome = { imported: number; rejections: Rejection[] };

export function OrdersUpload({ sourceId, locale, timezone, currency }: Props) {
  const t = ordersUploadMessages[locale];
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [isReading, setReading] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const missing = missingFields(mapping);
  const isBusy = isReading || (progress !== null && outcome === null && error === null);

  async function choose(file: File | null) {
    setChosen(null);
    setOutcome(null);
    setError(null);
    setProgress(null);
    if (!file) return;
    setReading(true);
    try {
      const sheet = await readOrdersFile(sourceId, file);
      const dataRows = sheet.rows.slice(1).filter((row) => !isEmptyRow(row)).length;
      setChosen({ ...sheet, fileName: file.name, dataRows });
      setMapping(guessMapping(sheet.rows[0] ?? []));
    } catch (e) {
      setError(describeError(e, locale));
    } finally {
      setReading(false);
    }
  }

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen || missing.length > 0) return;
    const mapped = toOrders(chosen.rows, mapping, { timeZone: timezone, currency });
    setOutcome(null);
    setError(null);
    setProgress({ sent: 0, total: mapped.orders.length });
    try {
      const sent = await sendOrders(sourceId, mapped.orders, (count) => setProgress({ sent: count, total: mapped.orders.length }));
      setOutcome({ imported: sent.imported, rejections: [...mapped.rejections, ...sent.rejections] });
    } catch (e) {
      setError(describeError(e, locale));
    }
  }

  const share = progress && progress.total > 0 ? progress.sent / progress.total : 0;
  return (
    <section className="mt-4 border-t border-slate-100 pt-4" aria-label={t.title} data-testid="orders-upload">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{t.title}</h3>
      <CsvImportPanel
        hint={t.hint}
        fileLabel={t.file}
        testId="orders-file"
        locale={locale}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onSubmit={run}
        onChoose={choose}
        actions={
          chosen && chosen.dataRows > 0 && !outcome ? (
            <Button type="submit" disabled={isBusy || missing.length > 0} data-testid="orders-upload-import">
              {isBusy ? t.importing : formatPlural(chosen.dataRows, t.import, locale)}
            </Button>
          ) : null
        }
      >
        {isReading ? <p className="text-sm text-slate-500">{t.reading}</p> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {chosen && chosen.dataRows === 0 ? <Alert tone="error">{t.empty}</Alert> : null}
        {chosen && chosen.dataRows > 0 && !outcome ? (
          <OrdersUploadMapping rows={chosen.rows} dataRows={chosen.dataRows} mapping={mapping} onMap={(field, column) => setMapping({ ...mapping, [field]: column })} t={t} locale={locale} />
        ) : null}
        {chosen && missing.length > 0 && chosen.dataRows > 0 ? (
          <p className="text-sm text-red-700" data-testid="orders-upload-missing">
            {fill(t.missing, { fields: missing.map((field) => t.fields[field]).join(", ") })}
          </p>
        ) : null}
        {progress && !outcome ? (
          <div className="flex items-center gap-3" data-testid="orders-upload-progress">
            <div className="h-2 flex-1 rounded bg-slate-100" role="progressbar" aria-label={t.title} aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${share * 100}%` }} />
            </div>
            <span className="text-xs tabular-nums text-slate-600">{fill(t.progress, { sent: formatNumber(progress.sent, locale), total: formatNumber(progress.total, locale) })}</span>
          </div>
        ) : null}
        {outcome && chosen ? (
          <OrdersUploadReport imported={outcome.imported} rejections={outcome.rejections} header={chosen.rows[0] ?? []} delimiter={chosen.delimiter} fileName={chosen.fileName} t={t} locale={locale} />
        ) : null}
      </CsvImportPanel>
    </section>
  );
}
