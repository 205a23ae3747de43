// The rows of a `COPY … TO STDOUT (FORMAT binary)` of text columns, read field by field from its
// chunks. In the binary format a text field is its UTF-8 bytes behind a length — nothing escaped,
// nothing to unquote — so a field is decoded straight from its place, never scanned for quotes.

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/** One row's fields as text (null for SQL NULL): every field of the COPY must be of a text type. */
export type BinaryRow = (string | null)[];

/** Buffer's own decoder of a byte range, without a slice object per field (not in Node's typings). */
type Decoding = Buffer & { utf8Slice: (start: number, end: number) => string };

/**
 * A parser fed chunk after chunk (a chunk may end anywhere, inside a row or a length); each call
 * hands the rows completed by that chunk to `onRow`, and returns whether the trailer was seen.
 */
export function binaryCopyParser(onRow: (row: BinaryRow) => void): (chunk: Buffer) => boolean {
  let pending: Buffer | null = null;
  let headerRead = false;
  let ended = false;
  return (chunk) => {
    const buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = null;
    let position = 0;
    if (!headerRead) {
      if (buffer.length < 19) {
        pending = buffer;
        return false;
      }
      if (!buffer.subarray(0, 11).equals(SIGNATURE)) throw new Error("not a binary COPY stream");
      position = 19 + buffer.readInt32BE(15);
      headerRead = true;
    }
    while (!ended && position + 2 <= buffer.length) {
      const count = buffer.readInt16BE(position);
      if (count === -1) {
        ended = true;
        position += 2;
        break;
      }
      // The row is taken only when all of it is here; otherwise it waits for the next chunk.
      const row: BinaryRow = new Array(count);
      let at = position + 2;
      let complete = true;
      for (let field = 0; field < count; field++) {
        if (at + 4 > buffer.length) {
          complete = false;
          break;
        }
        const length = buffer.readInt32BE(at);
        at += 4;
        if (length < 0) {
          row[field] = null;
          continue;
        }
        if (at + length > buffer.length) {
          complete = false;
          break;
        }
        row[field] = (buffer as Decoding).utf8Slice(at, at + length);
        at += length;
      }
      if (!complete) break;
      onRow(row);
      position = at;
    }
    if (position < buffer.length && !ended) pending = buffer.subarray(position);
    return ended;
  };
}
