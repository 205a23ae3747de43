// The deals CSV streamed straight from PostgreSQL's COPY: the BOM and the header are ours, the rows
// are the database's, their line ends turned into CRLF on the way. Only postgres-js speaks COPY;
// on PGlite (and inside a transaction) the export keeps the row-by-row writer (deals-csv-stream.ts).
import type { Readable } from "node:stream";
import type { Sql } from "postgres";
import { BOM, csvLineWriter, type CsvStyle } from "../csv";
import { csvLineEndConverter } from "./csv-line-ends";

/**
 * The chunks of a `COPY … TO STDOUT`, read only when asked for (the query starts at the first
 * `next()`); `cancel` stops the database and releases the connection.
 */
export function copyOutChunks(client: Sql, copySql: string): { next: () => Promise<IteratorResult<Buffer>>; cancel: () => Promise<void> } {
  let query: ReturnType<Sql["unsafe"]> | null = null;
  let chunks: AsyncIterator<Buffer> | null = null;
  const next = async () => {
    if (!chunks) {
      query = client.unsafe(copySql);
      chunks = ((await query.readable()) as Readable)[Symbol.asyncIterator]();
    }
    return chunks.next();
  };
  return {
    next,
    cancel: async () => {
      if (!query) return;
      // A COPY cannot be left half read: postgres-js pauses the socket when nobody reads and the
      // connection would wait forever. The server is asked to stop; what it sent meanwhile is dropped.
      query.cancel();
      try {
        for (let chunk = await next(); !chunk.done; chunk = await next());
      } catch {
        // "canceling statement due to user request": the end that was asked for.
      }
    },
  };
}

export function dealsCopyCsvStream(client: Sql, copySql: string, headers: string[], delimiter: CsvStyle["delimiter"]): ReadableStream<Uint8Array> {
  const { next, cancel } = copyOutChunks(client, copySql);
  const toCrlf = csvLineEndConverter();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(BOM + csvLineWriter(delimiter)(headers)));
    },
    async pull(controller) {
      const chunk = await next();
      if (chunk.done) return controller.close();
      controller.enqueue(toCrlf(chunk.value));
    },
    cancel,
  });
}
