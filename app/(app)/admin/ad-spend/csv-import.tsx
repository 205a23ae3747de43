"use client";
// CSV import in two steps: "Check the file" shows every row and every row error; only a clean file
// can then be imported. The same file imported twice replaces its figures instead of doubling them.
import { useState, type FormEvent } from "react";
import { CsvImportPanel, csvOf } from "@/components/admin/csv-import-panel";
import { FormAlert } from "@/components/admin/form-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import type { SpendCheck, SpendImport } from "@/lib/ad-spend/import";
import { callApi } from "@/lib/api/call-api";
import { formatNumber, formatPlural, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { rowProblemsText } from "./row-problems";
import { DataTable } from "@/components/ui/data-table";

const sendCsv = async <T,>(form: FormData, dryRun: boolean) => callApi<T>(`/api/ad-spend/import${dryRun ? "?dryRun=1" : ""}`, { csv: await csvOf(form) });

export function CsvImport({ t, locale }: { t: TrafficMessages["spend"]; locale: Locale }) {
  const [hasFile, setHasFile] = useState(false);
  const check = useApiForm({ send: (form: FormData) => sendCsv<SpendCheck>(form, true), locale });
  const run = useApiForm({
    send: (form: FormData) => sendCsv<SpendImport>(form, false),
    locale,
    saved: (result) => fill(t.imported, { count: formatNumber(result.imported, locale), inserted: formatNumber(result.inserted, locale), updated: formatNumber(result.updated, locale) }),
  });
  const preview = check.result;
  // One form, two buttons: the one pressed says which step runs.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "import" ? run : check).onSubmit(event);
  return (
    <CsvImportPanel
      hint={t.importHint}
      fileLabel={t.file}
      testId="spend-csv"
      locale={locale}
      onSubmit={onSubmit}
      onChoose={(file) => {
        check.reset();
        run.reset();
        setHasFile(file !== null);
      }}
      actions={
        <>
          <Button type="submit" value="check" variant="secondary" disabled={!hasFile || check.isPending}>
            {check.isPending ? t.checking : t.check}
          </Button>
          {preview && preview.errors.length === 0 && !run.isSaved ? (
            <Button type="submit" value="import" disabled={run.isPending}>
              {run.isPending ? t.importing : formatPlural(preview.rows.length, t.import, locale)}
            </Button>
          ) : null}
        </>
      }
    >
      {check.outcome.status === "error" ? <FormAlert state={check.outcome} /> : null}
      {run.outcome.status === "error" ? <FormAlert state={run.outcome} /> : null}
      {run.outcome.status === "success" ? (
        <Alert tone="success">
          <span data-testid="spend-imported">{run.outcome.message}</span>
        </Alert>
      ) : null}
      {preview && preview.errors.length > 0 ? (
        <Alert tone="error">
          <p>{t.rowErrors}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="spend-row-errors">
            {preview.errors.map((error) => (
              <li key={error.line}>
                {t.row} {error.line}: {rowProblemsText(error, locale)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {preview && preview.rows.length > 0 && !run.isSaved ? (
        <DataTable
          columns={[
            { key: "line", label: t.row, className: "tabular-nums", render: (row) => row.line },
            { key: "day", label: t.day, className: "tabular-nums", render: (row) => row.day },
            { key: "team", label: t.team, render: (row) => row.teamName },
            { key: "utmSource", label: "utm_source", className: "font-mono text-xs", render: (row) => row.utmSource || "—" },
            { key: "utmCampaign", label: "utm_campaign", className: "font-mono text-xs", render: (row) => row.utmCampaign || "—" },
            { key: "amount", label: t.amount, isNumeric: true, render: (row) => row.amount },
            { key: "currency", label: t.currency, render: (row) => row.currency },
          ]}
          rows={preview.rows}
          rowKey={(row) => String(row.line)}
          label={t.importTitle}
          testId="spend-preview"
        />
      ) : null}
    </CsvImportPanel>
  );
}
