// The deals sheet's rows straight from PostgreSQL: a binary COPY of each row's cell texts
// (deals-xlsx-sql.ts) written into the sheet's XML by the same row writer as the row-object path,
// without a row object, a Date or a time-zone lookup per cell.
import type { Sql } from "postgres";
import { binaryCopyParser } from "./copy-binary";
import { copyOutChunks } from "./deals-copy-stream";
import type { SheetCells, SheetRows } from "./deals-xlsx-stream";
import type { XlsxCopyLayout } from "./deals-xlsx-sql";
import { valueType, xlsxRowWriter } from "./xlsx-row-xml";

type Field = string | null;

/**
 * Collects rows of the SQL's fields (see XlsxCopyLayout) as the sheet's XML: `add` one row,
 * `take` the XML of the rows added since the last take.
 */
export function sheetXmlOfFields(cells: SheetCells, { kinds, perRowColumns }: XlsxCopyLayout, rowLimit: number) {
  const columnCount = kinds.length;
  // The currency field of each row-formatted column, by column.
  const currencyField = new Map(perRowColumns.map((column, k) => [column, columnCount + k]));
  const write = xlsxRowWriter<Field[]>(cells.registry, columnCount, (column, fields) => {
    const field = currencyField.get(column);
    return field === undefined ? cells.columnFormats[column] : cells.amountFormat(fields[field]!);
  });
  const typeOf = kinds.map((kind) => (kind === "text" ? valueType.String : kind === "number" ? valueType.Number : valueType.Date));
  const types = new Array<number>(columnCount);
  const texts = new Array<string | null>(columnCount);
  let xml = "";
  let rows = 0;
  let written = 0;
  return {
    add(fields: Field[]) {
      // The LIMIT keeps a COPY within the sheet; a SELECT's rows are cut here the same way.
      if (written >= rowLimit) return;
      for (let column = 0; column < columnCount; column++) {
        const field = fields[column];
        if (field === null) {
          types[column] = valueType.Null;
          texts[column] = null;
          continue;
        }
        types[column] = typeOf[column];
        texts[column] = kinds[column] === "number" ? `${Number(field)}` : field;
      }
      written++;
      xml += write(written + 1, types, texts, fields);
      rows++;
    },
    /** The characters of XML added since the last take. */
    pending: () => xml.length,
    take(): { xml: string; rows: number } {
      const batch = { xml, rows };
      xml = "";
      rows = 0;
      return batch;
    },
  };
}

const BATCH_CHARS = 256 * 1024;

export function copiedRows(client: Sql, build: () => Promise<{ copySql: string; layout: XlsxCopyLayout }>): SheetRows {
  return async function* (cells, rowLimit) {
    const { copySql, layout } = await build();
    const sheet = sheetXmlOfFields(cells, layout, rowLimit);
    const parse = binaryCopyParser(sheet.add);
    const { next, cancel } = copyOutChunks(client, copySql);
    let ended = false;
    try {
      for (let chunk = await next(); !chunk.done; chunk = await next()) {
        parse(chunk.value);
        // Handed on in steps of a quarter megabyte or so: each step waits for the zip and the client.
        if (sheet.pending() >= BATCH_CHARS) yield sheet.take();
      }
      ended = true;
      if (sheet.pending() > 0) yield sheet.take();
    } finally {
      // Stopped early (the client went away): the database stops too.
      if (!ended) await cancel();
    }
  };
}
