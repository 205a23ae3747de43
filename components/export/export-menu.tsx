"use client";
// The "Export" dropdown of a report card, a dashboard header or the deals table: plain links to the
// export routes (answered as attachments), so the browser streams big files straight to disk.
import { useRef, useState, useSyncExternalStore } from "react";
import { exportUrl, formatsFor, type ExportFormat, type ExportKind } from "./export-urls";
import { useDismiss } from "@/components/ui/use-dismiss";

const labels = {
  ru: { menu: "Экспорт", csv: "CSV", xlsx: "Excel", pdf: "PDF" },
  en: { menu: "Export", csv: "CSV", xlsx: "Excel", pdf: "PDF" },
} as const;

/** The page's language is on <html lang>; reading it keeps the signature free of a locale prop. */
function usePageLocale(): "ru" | "en" {
  return useSyncExternalStore(
    () => () => {},
    () => (document.documentElement.lang === "en" ? "en" : "ru"),
    () => "ru",
  );
}

export function ExportMenu(props: { kind: ExportKind; name?: string; params: Record<string, string> }) {
  const { kind, name, params } = props;
  const t = labels[usePageLocale()];
  const [isOpen, setIsOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useDismiss(root, isOpen, () => setIsOpen(false));

  const testId = `export-${kind}${name ? `-${name}` : ""}`;
  return (
    <div ref={root} className="relative inline-block text-left" data-testid={testId}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex items-center gap-1 rounded-lg border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
      >
        {t.menu}
        <span aria-hidden>▾</span>
      </button>
      {isOpen ? (
        <div role="menu" className="absolute right-0 z-20 mt-1 min-w-28 rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
          {formatsFor(kind as ExportKind).map((format: ExportFormat) => (
            <a
              key={format}
              role="menuitem"
              // No `download` attribute: a file arrives as an attachment and the page stays; an error
              // (too many rows for Excel, with the CSV link) opens as the message instead of a failed download.
              href={exportUrl(kind, name, format, params)}
              onClick={() => setIsOpen(false)}
              className="block px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
              data-testid={`${testId}-${format}`}
            >
              {t[format]}
            </a>
          ))}
        </div>
      ) : null}
    </div>
  );
}
