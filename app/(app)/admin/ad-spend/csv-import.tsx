"use client";
// CSV import in two steps: "Check the file" shows every row and every row error; only a clean file
// can then be imported. The same file imported twice replaces its figures instead of doubling them.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CsvFileInput } from "@/components/admin/csv-file-input";
import type { SpendCheck, SpendImport } from "@/lib/ad-spend/import";
import { callApi } from "@/lib/api/call-api";
import { formatNumber, formatPlural, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { rowProblemsText } from "./row-problems";
import { DataTable } from "@/components/ui/data-table";

const sendCsv = <T,>(csv: string, dryRun: boolean) => callApi<T>(`/api/ad-spend/import${dryRun ? "?dryRun=1" : ""}`, { csv });

export function CsvImport({ t, locale }: { t: TrafficMessages["spend"]; locale: Locale }) {
  const router = useRouter();
  const [text, setText] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (csv: string) => sendCsv<SpendCheck>(csv, true) });
  const run = useMutation({ mutationFn: (csv: string) => sendCsv<SpendImport>(csv, false), onSuccess: () => router.refresh() });
  const preview = check.data;
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">{t.importHint}</p>
      <div className="flex flex-wrap items-center gap-3">
        <CsvFileInput
          label={t.file}
          testId="spend-csv"
          onText={(csv) => {
            check.reset();
            run.reset();
            setText(csv);
          }}
        />
        <Button type="button" variant="secondary" disabled={!text || check.isPending} onClick={() => text && check.mutate(text)}>
          {check.isPending ? t.checking : t.check}
        </Button>
        {preview && preview.errors.length === 0 && !run.isSuccess ? (
          <Button type="button" disabled={run.isPending} onClick={() => text && run.mutate(text)}>
            {run.isPending ? t.importing : formatPlural(preview.rows.length, t.import, locale)}
          </Button>
        ) : null}
      </div>
      {check.error ? <Alert tone="error">{describeError(check.error, locale)}</Alert> : null}
      {run.error ? <Alert tone="error">{describeError(run.error, locale)}</Alert> : null}
      {run.data ? (
        <Alert tone="success">
          <span data-testid="spend-imported">{fill(t.imported, { count: formatNumber(run.data.imported, locale), inserted: formatNumber(run.data.inserted, locale), updated: formatNumber(run.data.updated, locale) })}</span>
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
      {preview && preview.rows.length > 0 && !run.isSuccess ? (
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
    </div>
  );
}
