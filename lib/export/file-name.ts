// The download's name says what it is: "sales-by-month_2025-01-01_2025-12-31.xlsx". The header
// carries an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 5987).
import type { ExportDocument } from "./model";

export function exportFileName(doc: Pick<ExportDocument, "slug" | "period">, extension: string): string {
  const parts = [doc.slug, ...(doc.period ? [doc.period.from, doc.period.to] : [])];
  return `${parts.join("_")}.${extension}`;
}

export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const contentTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

export function downloadHeaders(format: keyof typeof contentTypes, fileName: string): HeadersInit {
  return {
    "content-type": contentTypes[format],
    "content-disposition": contentDisposition(fileName),
    // Reports are per viewer: no shared cache may keep one person's rows for another.
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  };
}
