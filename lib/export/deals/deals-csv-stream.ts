// The deals table as a CSV stream: one batch at a time is turned into text and handed to the
// response; the batch after next is read only when the client has taken the previous one.
import type { DealListRow } from "@/lib/deals/deal-list";
import { BOM, csvLineWriter, type CsvStyle } from "../csv";
import { csvCell } from "../cells";
import { cellTypeOf, type Column } from "../model";

/** Each column's cell as CSV text, its type resolved once (the deals columns have fixed types). */
function cellWriters(columns: Column<DealListRow>[], style: CsvStyle, timeZone: string): ((row: DealListRow) => string)[] {
  return columns.map((column) => {
    if (typeof column.type === "function") return (row) => csvCell(cellTypeOf(column, row), column.value(row), style, timeZone);
    const type = column.type;
    return (row) => csvCell(type, column.value(row), style, timeZone);
  });
}

export function dealsCsvStream(batches: AsyncGenerator<DealListRow[]>, columns: Column<DealListRow>[], style: CsvStyle, timeZone: string, rowLimit: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = csvLineWriter(style.delimiter);
  const cells = cellWriters(columns, style, timeZone);
  const fields = new Array<string>(cells.length);
  const text = (rows: DealListRow[]) => {
    let chunk = "";
    for (const row of rows) {
      for (let i = 0; i < cells.length; i++) fields[i] = cells[i](row);
      chunk += line(fields);
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
      // At the limit (more deals than were counted arrived meanwhile): stop reading the database.
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
