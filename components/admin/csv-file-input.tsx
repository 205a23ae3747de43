"use client";
// The file picker of a CSV import: a button in the page's language («Выбрать файл») and the chosen
// file's name, over a hidden native input (whose «Choose File» speaks the browser's language). The
// input keeps the file under `name` for the form that sends it; `onChoose` says a choice was made.
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/format";
import { csvImportMessages } from "@/lib/i18n/csv-import-messages";

/** `accept`: the file types offered (CSV by default; the orders upload also takes XLSX). */
type Props = { label: string; name: string; testId: string; locale: Locale; onChoose?: (file: File | null) => void; accept?: string };

export function CsvFileInput({ label, name, testId, locale, onChoose, accept = ".csv,text/csv" }: Props) {
  const t = csvImportMessages[locale];
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const nameId = useId();
  return (
    <div role="group" aria-label={label} className="flex min-w-0 items-center gap-2 text-sm">
      <input
        ref={input}
        type="file"
        name={name}
        accept={accept}
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null;
          setFileName(file?.name ?? null);
          onChoose?.(file);
        }}
      />
      <Button type="button" variant="secondary" aria-describedby={nameId} onClick={() => input.current?.click()}>
        {t.choose}
      </Button>
      <span id={nameId} className={`truncate ${fileName ? "text-slate-800" : "text-slate-500"}`} data-testid={`${testId}-name`}>
        {fileName ?? t.noFile}
      </span>
    </div>
  );
}
