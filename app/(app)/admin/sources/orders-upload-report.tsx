"use client";
// What came of an orders upload: the counts, the first rejected rows with their line numbers and
// reasons, and all of them as a CSV to download, fix and upload again.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatNumber, formatPlural, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeRowProblem, type OrdersUploadMessages } from "@/lib/i18n/orders-upload-messages";
import { rejectedCsv } from "@/lib/orders-upload/rejected-csv";
import type { Rejection } from "@/lib/orders-upload/to-orders";

const LISTED = 20;

type Props = { imported: number; rejections: Rejection[]; header: string[]; delimiter: string; fileName: string; t: OrdersUploadMessages; locale: Locale };

export function OrdersUploadReport({ imported, rejections, header, delimiter, fileName, t, locale }: Props) {
  const sorted = [...rejections].sort((a, b) => a.line - b.line);
  function download() {
    const csv = rejectedCsv(header, sorted, { line: t.line, reason: t.reason }, (problem) => describeRowProblem(problem, locale), delimiter);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.(csv|xlsx)$/i, "")}-rejected.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return (
    <div className="space-y-3" data-testid="orders-upload-report">
      <Alert tone={rejections.length > 0 ? "info" : "success"}>
        <span data-testid="orders-upload-done">{fill(t.done, { imported: formatNumber(imported, locale), rejected: formatNumber(rejections.length, locale) })}</span>
      </Alert>
      {sorted.length > 0 ? (
        <div className="space-y-2">
          <h4 className="text-sm font-medium text-slate-700">{t.rejectedTitle}</h4>
          <ul className="list-disc space-y-1 break-words pl-5 text-sm text-slate-700" data-testid="orders-upload-rejected">
            {sorted.slice(0, LISTED).map((rejection) => (
              <li key={rejection.line}>
                {t.line} {rejection.line}: {describeRowProblem(rejection.problem, locale)}
              </li>
            ))}
          </ul>
          {sorted.length > LISTED ? <p className="text-sm text-slate-500">{formatPlural(sorted.length - LISTED, t.moreRejected, locale)}</p> : null}
          <Button type="button" variant="secondary" onClick={download} data-testid="orders-upload-download">
            {t.download}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
