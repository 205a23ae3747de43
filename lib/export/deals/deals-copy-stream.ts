// The deals CSV streamed straight from PostgreSQL's COPY: the BOM and the header are ours, the rows
// are the database's, their line ends turned into CRLF on the way. Only postgres-js speaks COPY;
// on PGlite (and inside a transaction) the export keeps the row-by-row writer (deals-csv-stream.ts).
import type { Readable } from "node:stream";
import type { Sql } from "postgres";
import { BOM, csvLineWriter, type CsvStyle } from "../csv";
import { csvLineEndConverter } from "./csv-line-ends";

/** How much of a COPY may wait in Node before the socket is paused. */
const COPY_BUFFER_BYTES = 256 * 1024;

/**
 * The chunks of a `COPY … TO STDOUT`, read only when asked for (the query starts at the first
 * `next()`); `cancel` stops the database and releases the connection.
 */
export function copyOutChunks(client: Sql, copySql: string): { next: () => Promise<IteratorResult<Buffer>>; cancel: () => Promise<void> } {
  // A connection of its own, given back only when the COPY is over: a cancel request that reached
  // the server after the COPY ended must find that connection idle (where it is ignored), never
  // running the next query of the pool.
  let connection: Awaited<ReturnType<Sql["reserve"]>> | null = null;
  let query: ReturnType<Sql["unsafe"]> | null = null;
  let readable: Readable | null = null;
  let chunks: AsyncIterator<Buffer> | null = null;
  let cancelled: Promise<unknown> = Promise.resolve();
  // postgres-js 3.4.9 pauses the socket when the stream's buffer is full and resumes it only when
  // the stream asks for more — which an ended stream never does. A COPY whose last rows filled the
  // buffer would leave its connection paused, and the next query on it waiting forever. So once
  // the COPY has ended, one way or the other, the stream's own read() resumes the socket.
  const finish = async () => {
    (readable as unknown as { _read: (size: number) => void } | null)?._read(0);
    await cancelled.catch(() => undefined);
    connection?.release();
    connection = null;
  };
  const next = async () => {
    try {
      if (!chunks) {
        connection = await client.reserve();
        query = connection.unsafe(copySql);
        readable = (await query.readable()) as Readable;
        // postgres-js makes the stream with Node's default 16 KB buffer and pauses the socket each
        // time it is full: a bigger one lets the database run ahead in larger steps.
        (readable as unknown as { _readableState: { highWaterMark: number } })._readableState.highWaterMark = COPY_BUFFER_BYTES;
        chunks = readable[Symbol.asyncIterator]();
      }
      const chunk = await chunks.next();
      if (chunk.done) await finish();
      return chunk;
    } catch (error) {
      await finish();
      throw error;
    }
  };
  return {
    next,
    cancel: async () => {
      // Not started, or over and its connection given back: nothing to stop.
      if (!query || !connection) return;
      // A COPY cannot be left half read (its connection would stay paused): the server is asked
      // to stop, and what it sent meanwhile is read and dropped.
      cancelled = Promise.resolve(query.cancel() as unknown);
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
