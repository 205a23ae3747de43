"use client";
// A plans CSV file sent to POST /api/plans/import: stored whole, or refused with its bad lines named.
import { useState } from "react";
import { CsvImportPanel, csvOf } from "@/components/admin/csv-import-panel";
import { FormAlert } from "@/components/admin/form-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { PlansMessages } from "@/lib/i18n/plans-messages";
import type { PlanWrite } from "@/lib/plans/store";

export function PlansCsvImport({ locale, t }: { locale: Locale; t: PlansMessages }) {
  const [hasFile, setHasFile] = useState(false);
  const upload = useApiForm({
    send: async (data: FormData) => callApi<PlanWrite>("/api/plans/import", { csv: await csvOf(data) }),
    locale,
    saved: (result) => fill(t.saved, { inserted: result.inserted, updated: result.updated, deleted: result.deleted }),
  });
  return (
    <CsvImportPanel
      hint={t.importHint}
      fileLabel={t.file}
      testId="plans-csv"
      locale={locale}
      onSubmit={upload.onSubmit}
      onChoose={(file) => {
        upload.reset();
        setHasFile(file !== null);
      }}
      actions={
        <Button type="submit" disabled={!hasFile || upload.isPending}>
          {upload.isPending ? t.uploading : t.upload}
        </Button>
      }
    >
      {upload.outcome.status === "error" ? <FormAlert state={upload.outcome} /> : null}
      {upload.outcome.status === "success" ? (
        <Alert tone="success">
          <span data-testid="plans-imported">{upload.outcome.message}</span>
        </Alert>
      ) : null}
    </CsvImportPanel>
  );
}
