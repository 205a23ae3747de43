// GET /api/leads/export: the leads table behind a figure — same filters, same scope, same order as
// on screen — streamed as CSV or XLSX by the deals table's row writers, or a PDF of its first pages.
// Leads are far fewer than deals, so there is no COPY path: the keyset stream feeds every format.
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { readAhead } from "@/lib/async/read-ahead";
import { periodDates, type Locale } from "@/lib/format";
import { exportMessages, type ExportMessages } from "@/lib/i18n/export-messages";
import { countLeads, leadListFiltersSchema, streamLeads, type LeadListFilters } from "@/lib/leads/lead-list";
import { csvStyleFor } from "../csv";
import { assertRowLimit, CSV_ROW_LIMIT, DEAL_BATCH_SIZE, XLSX_ROW_LIMIT } from "../deals/deals-export";
import { dealsCsvStream } from "../deals/deals-csv-stream";
import { dealsXlsxStream, renderedRows } from "../deals/deals-xlsx-stream";
import { describeFilters, describeScope } from "../describe-filters";
import type { ExportOptions } from "../export-options";
import { downloadHeaders, exportFileName } from "../file-name";
import { defineTable, type ExportDocument } from "../model";
import { documentToPdf } from "../pdf/pdf-document";
import { PDF_TABLE_PAGE_LIMIT } from "../pdf/pdf-table";
import { leadColumns } from "./lead-columns";

const PDF_ROW_CAP = PDF_TABLE_PAGE_LIMIT * 60;

/** The report filters (and the team) in words, then the leads table's own bucket: status, source, form. */
async function describeLeadFilters(db: Db, orgId: string, filters: LeadListFilters, t: ExportMessages): Promise<[string, string][]> {
  const { status, ...reportFilters } = filters;
  const lines = await describeFilters(db, orgId, reportFilters, t);
  if (status) lines.push([t.filters.status, t.conversion[status]]);
  if (filters.channel) lines.push([t.filters.channel, filters.channel]);
  if (filters.matched) lines.push([t.filters.matched, t.matched[filters.matched]]);
  if (filters.form) lines.push([t.filters.form, filters.form]);
  return lines;
}

type Input = { db: Db; viewer: Viewer; params: URLSearchParams; locale: Locale; options: ExportOptions; now?: Date };

export async function exportLeads({ db, viewer, params, locale, options, now = new Date() }: Input): Promise<Response> {
  const filters = leadListFiltersSchema.parse(Object.fromEntries([...params.entries()].filter(([, value]) => value !== "")));
  const scope = scopeOf(viewer);
  const t = exportMessages[locale];
  // A count first: it checks the filters against the scope and tells the row limits apart.
  const summary = await countLeads(db, scope, filters, now);
  const doc: ExportDocument = {
    slug: "leads",
    title: t.reports.leads,
    locale,
    currency: viewer.org.baseCurrency,
    timezone: summary.timezone,
    period: summary.period ? periodDates(summary.period, summary.timezone) : null,
    filters: await describeLeadFilters(db, viewer.orgId, filters, t),
    scope: await describeScope(db, viewer, t),
    exportedBy: `${viewer.name} <${viewer.email}>`,
    exportedAt: now,
    sections: [],
  };
  const columns = leadColumns(t);
  const rows = () => readAhead(streamLeads(db, scope, filters, DEAL_BATCH_SIZE, now));
  const headers = (format: "csv" | "xlsx" | "pdf") => downloadHeaders(format, exportFileName(doc, format));

  assertRowLimit(options.format, summary.total, params, locale, "/api/leads/export");
  switch (options.format) {
    case "csv":
      return new Response(dealsCsvStream(rows(), columns, csvStyleFor(locale, options), doc.timezone, CSV_ROW_LIMIT), { headers: headers("csv") });
    case "xlsx":
      return new Response(dealsXlsxStream(renderedRows(rows(), columns, doc.timezone), columns, doc, t, summary.total, XLSX_ROW_LIMIT), { headers: headers("xlsx") });
    case "pdf": {
      const list = [];
      for await (const batch of streamLeads(db, scope, filters, Math.min(DEAL_BATCH_SIZE, PDF_ROW_CAP), now)) {
        list.push(...batch);
        if (list.length >= PDF_ROW_CAP) break;
      }
      // A page is narrow: the PDF keeps the columns a person reads first.
      const table = defineTable({ columns: columns.filter((column) => !["externalId", "sourceName", "utmMedium", "utmCampaign", "formName", "reachedCrm"].includes(column.key)), rows: list });
      const pdf = await documentToPdf({ ...doc, sections: [{ key: "leads", title: t.reports.leads, table }] }, t, { totalRows: summary.total });
      return new Response(new Uint8Array(pdf), { headers: headers("pdf") });
    }
  }
}
