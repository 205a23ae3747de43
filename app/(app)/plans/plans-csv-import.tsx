"use client";
// A plans CSV file sent to POST /api/plans/import: stored whole, or refused with its bad lines named.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CsvFileInput } from "@/components/admin/csv-file-input";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { describeError } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import type { PlansMessages } from "@/lib/i18n/plans-messages";
import type { PlanWrite } from "@/lib/plans/store";

export function PlansCsvImport({ locale, t }: { locale: Locale; t: PlansMessages }) {
  const router = useRouter();
  const [text, setText] = useState<string | null>(null);
  const upload = useMutation({ mutationFn: (csv: string) => callApi<PlanWrite>("/api/plans/import", { csv }), onSuccess: () => router.refresh() });
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">{t.importHint}</p>
      <div className="flex flex-wrap items-center gap-3">
        <CsvFileInput
          label={t.file}
          testId="plans-csv"
          onText={(csv) => {
            upload.reset();
            setText(csv);
          }}
        />
        <Button type="button" disabled={!text || upload.isPending} onClick={() => text && upload.mutate(text)}>
          {upload.isPending ? t.uploading : t.upload}
        </Button>
      </div>
      {upload.error ? <Alert tone="error">{describeError(upload.error, locale)}</Alert> : null}
      {upload.data ? (
        <Alert tone="success">
          <span data-testid="plans-imported">{fill(t.saved, { inserted: upload.data.inserted, updated: upload.data.updated, deleted: upload.data.deleted })}</span>
        </Alert>
      ) : null}
    </div>
  );
}
