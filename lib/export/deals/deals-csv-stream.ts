// A list table (deals, leads) as a CSV stream: one batch at a time is turned into text and handed to the
// response; the batch after next is read only when the client has taken the previous one.
import { BOM, csvCellWriter, csvFieldWriter, csvLineWriter, type CsvStyle } from "../csv";
import { csvCell } from "../cells";
import { cellTypeOf, type Column } from "../model";

/**
 * Each column's field as CSV text, its writer built once (the list columns have fixed types).
 * Local times ("2025-03-01 15:04") and amounts whose decimal mark is not the delimiter never need
 * quotes, so only the other fields are checked.
 */
function fieldWriters<R>(columns: Column<R>[], style: CsvStyle, timeZone: string): ((row: R) => string)[] {
  const quote = csvFieldWriter(style.delimiter);
  return columns.map((column) => {
    if (typeof column.type === "function") return (row) => quote(csvCell(cellTypeOf(column, row), column.value(row), style, timeZone));
    const write = csvCellWriter(column.type, style, timeZone);
    const value = column.value;
    const plain = column.type === "datetime" || ((column.type === "money" || column.type === "amount") && style.decimal !== style.delimiter);
    return plain ? (row) => write(value(row)) : (row) => quote(write(value(row)));
  });
}

export function dealsCsvStream<R>(batches: AsyncGenerator<R[]>, columns: Column<R>[], style: CsvStyle, timeZone: string, rowLimit: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = csvLineWriter(style.delimiter);
  const fields = fieldWriters(columns, style, timeZone);
  const delimiter = style.delimiter;
  const text = (rows: R[]) => {
    let chunk = "";
    for (const row of rows) {
      let record = fields[0](row);
      for (let i = 1; i < fields.length; i++) record += delimiter + fields[i](row);
      chunk += record + "\r\n";
    }
    return encoder.encode(chunk);
  };
  let written = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + line(columns.map((column) => column.header))));
    },
    async pull(controller) {
      const batch = await batches.next();
      if (batch.done) return controller.close();
      const rows = batch.value.length > rowLimit - written ? batch.value.slice(0, rowLimit - written) : batch.value;
      written += rows.length;
      controller.enqueue(text(rows));
      // At the limit (more rows than were counted arrived meanwhile): stop reading the database.
      if (written >= rowLimit) {
        controller.close();
        await batches.return(undefined);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
