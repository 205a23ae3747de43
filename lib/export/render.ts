// Turns an export document into the downloaded file: one place that picks the writer, the name
// and the headers for every report and dashboard export.
import { ValidationError } from "@/lib/errors";
import { exportMessages } from "@/lib/i18n/export-messages";
import { csvStyleFor, tableToCsv } from "./csv";
import type { ExportOptions } from "./export-options";
import { downloadHeaders, exportFileName } from "./file-name";
import type { ExportDocument } from "./model";
import { documentToPdf } from "./pdf/pdf-document";
import { documentToXlsx } from "./xlsx";

export async function renderDocument(doc: ExportDocument, options: ExportOptions): Promise<Response> {
  const t = exportMessages[doc.locale];
  const file = (body: BodyInit, extension: "csv" | "xlsx" | "pdf", name = exportFileName(doc, extension)) =>
    new Response(body, { headers: downloadHeaders(extension, name) });
  switch (options.format) {
    case "csv": {
      const section = options.table ? doc.sections.find((candidate) => candidate.key === options.table) : doc.sections[0];
      if (!section) {
        const tables = doc.sections.map((candidate) => candidate.key).join(", ");
        throw new ValidationError(`The table must be one of ${tables}`, { code: "export_table_unknown", field: "table", params: { tables } });
      }
      const csv = tableToCsv(section.table, csvStyleFor(doc.locale, options), doc.timezone, t.total);
      const slug = section === doc.sections[0] ? doc.slug : `${doc.slug}-${section.key}`;
      return file(csv, "csv", exportFileName({ ...doc, slug }, "csv"));
    }
    case "xlsx":
      return file(new Uint8Array(await documentToXlsx(doc, t)), "xlsx");
    case "pdf":
      return file(new Uint8Array(await documentToPdf(doc, t)), "pdf");
  }
}
