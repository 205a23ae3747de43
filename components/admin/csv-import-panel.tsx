"use client";
// The one layout of a CSV import card (plans, ad spend, a shop's past orders): what the file holds, the file picker and the
// card's buttons on one line, then what came of it. A form: the buttons submit it, and the import's
// useApiForm reads the file from the form's `file` field (csvOf).
import type { FormEvent, ReactNode } from "react";
import type { Locale } from "@/lib/format";
import { CsvFileInput } from "./csv-file-input";

type Props = {
  hint: string;
  fileLabel: string;
  testId: string;
  locale: Locale;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** A new file (or none) makes the last outcome stale. */
  onChoose: (file: File | null) => void;
  /** The submit buttons. */
  actions: ReactNode;
  /** Outcomes and previews, under the buttons. */
  children?: ReactNode;
  /** The file types offered (CSV by default). */
  accept?: string;
};

export function CsvImportPanel({ hint, fileLabel, testId, locale, onSubmit, onChoose, actions, children, accept }: Props) {
  return (
    <form className="space-y-3" onSubmit={onSubmit}>
      <p className="text-xs text-slate-500">{hint}</p>
      <div className="flex flex-wrap items-center gap-3">
        <CsvFileInput label={fileLabel} name="file" testId={testId} locale={locale} onChoose={onChoose} accept={accept} />
        {actions}
      </div>
      {children}
    </form>
  );
}

/** The text of the file chosen in a CsvImportPanel's form. */
export async function csvOf(form: FormData): Promise<string> {
  const file = form.get("file");
  return file instanceof File ? file.text() : "";
}
