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
import { tableScroll } from "@/components/ui/table-scroll";

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
        <div className={tableScroll}>
          <table className="w-full text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="spend-preview">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th>{t.row}</th>
                <th>{t.day}</th>
                <th>{t.team}</th>
                <th>utm_source</th>
                <th>utm_campaign</th>
                <th className="text-right">{t.amount}</th>
                <th>{t.currency}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className="border-t border-slate-100">
                  <td className="tabular-nums">{row.line}</td>
                  <td className="tabular-nums">{row.day}</td>
                  <td>{row.teamName}</td>
                  <td className="font-mono text-xs">{row.utmSource || "—"}</td>
                  <td className="font-mono text-xs">{row.utmCampaign || "—"}</td>
                  <td className="text-right tabular-nums">{row.amount}</td>
                  <td>{row.currency}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
