// The "About" lines of an export — report, period, filters, scope, who and when — shared by the
// Excel "About" sheet and the PDF's heading.
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { wallClockDate } from "./cells";
import type { ExportDocument } from "./model";

export function periodText(doc: Pick<ExportDocument, "period">): string {
  return doc.period ? `${doc.period.from} — ${doc.period.to}` : "—";
}

export function filtersText(doc: Pick<ExportDocument, "filters">, t: ExportMessages): string {
  return doc.filters.length ? doc.filters.map(([label, value]) => `${label}: ${value}`).join("; ") : t.about.noFilters;
}

export function aboutLines(doc: ExportDocument, t: ExportMessages): [string, string | Date][] {
  return [
    [t.about.report, doc.title],
    [t.about.period, periodText(doc)],
    [t.about.filters, filtersText(doc, t)],
    [t.about.scope, doc.scope],
    [t.about.currency, doc.currency],
    [t.about.timezone, doc.timezone],
    [t.about.exportedBy, doc.exportedBy],
    // Stored as the organisation's wall-clock time, like every other date in the workbook.
    [t.about.exportedAt, wallClockDate(doc.exportedAt, doc.timezone)],
  ];
}
