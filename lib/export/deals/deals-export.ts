// GET /api/deals/export: the deals table behind a chart — same filters, same scope, same order as
// on screen — streamed as CSV (up to 1,000,000 rows) or XLSX (up to Excel's 1,048,575) — on PostgreSQL both written by its COPY — or a PDF
// of its first pages.
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { countDeals, dealListFiltersSchema, streamDeals, type DealListFilters } from "@/lib/deals/deal-list";
import { postgresClient } from "@/lib/deals/deal-stream";
import { AppError, type ErrorParams } from "@/lib/errors";
import { periodDates, type Locale } from "@/lib/format";
import { errorText } from "@/lib/i18n/describe-error";
import { exportMessages } from "@/lib/i18n/export-messages";
import { csvStyleFor } from "../csv";
import { describeFilters, describeScope } from "../describe-filters";
import type { ExportOptions } from "../export-options";
import { downloadHeaders, exportFileName } from "../file-name";
import { defineTable, type ExportDocument } from "../model";
import { documentToPdf } from "../pdf/pdf-document";
import { PDF_TABLE_PAGE_LIMIT } from "../pdf/pdf-table";
import { dealColumns } from "./deal-columns";
import { dealsCopySql } from "./deals-copy-sql";
import { dealsCopyCsvStream } from "./deals-copy-stream";
import { dealsCsvStream } from "./deals-csv-stream";
import { copiedRows } from "./deals-xlsx-copy";
import { dealsXlsxCopySql } from "./deals-xlsx-sql";
import { dealsXlsxStream, renderedRows } from "./deals-xlsx-stream";
import { readAhead } from "@/lib/async/read-ahead";

export const CSV_ROW_LIMIT = 1_000_000;
/** An Excel sheet has 1,048,576 rows; one is the header. */
export const XLSX_ROW_LIMIT = 1_048_575;
/**
 * Rows per batch (per cursor fetch on PostgreSQL): small batches die young in V8's scavenger
 * (docs/measurements.md, "Exports: batch size").
 */
export const DEAL_BATCH_SIZE = 1_000;
/** A PDF table stops at its page limit anyway; reading more rows than fit would only cost time. */
const PDF_ROW_CAP = PDF_TABLE_PAGE_LIMIT * 60;

/**
 * Above a format's row limit the user gets a 422 that says so — and, for Excel, the CSV link. The
 * message is in the export's language: a browser that followed the export link shows it as it is.
 */
export function assertRowLimit(format: ExportOptions["format"], total: number, params: URLSearchParams, locale: Locale, path = "/api/deals/export"): void {
  const refuse = (code: "too_many_rows" | "too_many_rows_for_xlsx", values: ErrorParams) => {
    throw new AppError(422, code, errorText(locale, { code, params: values }), { params: values });
  };
  if (format === "csv" && total > CSV_ROW_LIMIT) refuse("too_many_rows", { rows: total, limit: CSV_ROW_LIMIT });
  if (format === "xlsx" && total > XLSX_ROW_LIMIT) {
    const csvParams = new URLSearchParams(params);
    csvParams.set("format", "csv");
    refuse("too_many_rows_for_xlsx", { rows: total, limit: XLSX_ROW_LIMIT, csvUrl: `${path}?${csvParams.toString()}` });
  }
}

type Input = { db: Db; viewer: Viewer; params: URLSearchParams; locale: Locale; options: ExportOptions; now?: Date };

export async function exportDeals({ db, viewer, params, locale, options, now = new Date() }: Input): Promise<Response> {
  const filters: DealListFilters = dealListFiltersSchema.parse(Object.fromEntries([...params.entries()].filter(([, value]) => value !== "")));
  const scope = scopeOf(viewer);
  const t = exportMessages[locale];
  // A count first (no sums, no sorting): it checks the filters against the scope and finds the rows.
  const summary = await countDeals(db, scope, filters, now);
  const doc: ExportDocument = {
    slug: "deals",
    title: t.reports.deals,
    locale,
    currency: summary.currency,
    timezone: summary.timezone,
    period: summary.period ? periodDates(summary.period, summary.timezone) : null,
    filters: await describeFilters(db, viewer.orgId, filters, t),
    scope: await describeScope(db, viewer, t),
    exportedBy: `${viewer.name} <${viewer.email}>`,
    exportedAt: now,
    sections: [],
  };
  const columns = dealColumns(t);
  const rows = () => readAhead(streamDeals(db, scope, filters, DEAL_BATCH_SIZE, now));
  const headers = (format: "csv" | "xlsx" | "pdf") => downloadHeaders(format, exportFileName(doc, format));

  assertRowLimit(options.format, summary.total, params, locale);
  switch (options.format) {
    case "csv": {
      const style = csvStyleFor(locale, options);
      // PostgreSQL writes the rows itself (COPY); PGlite and transactions keep the row-by-row writer.
      const client = postgresClient(db);
      if (client) {
        const copySql = await dealsCopySql({ db, scope, filters, columns, t, style, timeZone: doc.timezone, rowLimit: CSV_ROW_LIMIT, now });
        return new Response(dealsCopyCsvStream(client, copySql, columns.map((column) => column.header), style.delimiter), { headers: headers("csv") });
      }
      return new Response(dealsCsvStream(rows(), columns, style, doc.timezone, CSV_ROW_LIMIT), { headers: headers("csv") });
    }
    case "xlsx": {
      // On PostgreSQL the cells' texts come from a binary COPY; PGlite and transactions render row objects.
      const client = postgresClient(db);
      const source = client
        ? copiedRows(client, () => dealsXlsxCopySql({ db, scope, filters, columns, t, timeZone: doc.timezone, rowLimit: XLSX_ROW_LIMIT, now }))
        : renderedRows(rows(), columns, doc.timezone);
      return new Response(dealsXlsxStream(source, columns, doc, t, summary.total, XLSX_ROW_LIMIT), { headers: headers("xlsx") });
    }
    case "pdf": {
      const list = [];
      for await (const batch of streamDeals(db, scope, filters, Math.min(DEAL_BATCH_SIZE, PDF_ROW_CAP), now)) {
        list.push(...batch);
        if (list.length >= PDF_ROW_CAP) break;
      }
      // The table's own limit note counts against the real total, not the rows read.
      const table = defineTable({ columns: columns.filter((column) => !["externalId", "sourceName", "utmSource", "utmMedium", "utmCampaign", "currency"].includes(column.key)), rows: list });
      const pdf = await documentToPdf({ ...doc, sections: [{ key: "deals", title: t.reports.deals, table }] }, t, { totalRows: summary.total });
      return new Response(new Uint8Array(pdf), { headers: headers("pdf") });
    }
  }
}
