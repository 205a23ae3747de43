// The binary COPY reader gives every row whole, however the stream is cut into chunks: inside a
// row, inside a length, inside a multi-byte character, in the header or in the trailer.
import { describe, expect, it } from "vitest";
import { binaryCopyParser, type BinaryRow } from "./copy-binary";

/** A `COPY … TO STDOUT (FORMAT binary)` stream of text rows, as PostgreSQL writes it. */
function binaryCopy(rows: BinaryRow[]): Buffer {
  const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]; // signature, flags 0, no header extension
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const length = Buffer.alloc(4);
      if (field === null) {
        length.writeInt32BE(-1);
        parts.push(length);
      } else {
        const bytes = Buffer.from(field);
        length.writeInt32BE(bytes.length);
        parts.push(length, bytes);
      }
    }
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  parts.push(trailer);
  return Buffer.concat(parts);
}

const rows: BinaryRow[] = [
  ["E1", "Сделка «Ромашка»", null, "1234.50", ""],
  ["=1+1", "строка 1\nстрока 2\ttab\\backslash", "Анна", "-0.05", "KZT"],
  ["E3", "", null, null, "😀 emoji"],
];

describe("binaryCopyParser", () => {
  it("reads the rows of a whole stream, NULLs and empty texts apart, and sees its end", () => {
    const read: BinaryRow[] = [];
    const ended = binaryCopyParser((row) => read.push([...row]))(binaryCopy(rows));
    expect(read).toEqual(rows);
    expect(ended).toBe(true);
  });

  it("reads the same rows whatever the chunk size, from one byte up", () => {
    const stream = binaryCopy(rows);
    for (let size = 1; size <= 40; size++) {
      const read: BinaryRow[] = [];
      const parse = binaryCopyParser((row) => read.push([...row]));
      let ended = false;
      for (let start = 0; start < stream.length; start += size) ended = parse(stream.subarray(start, start + size));
      expect(read, `chunks of ${size} bytes`).toEqual(rows);
      expect(ended).toBe(true);
    }
  });

  it("refuses a stream that is not a binary COPY", () => {
    expect(() => binaryCopyParser(() => {})(Buffer.from("E1;Сделка;1234,50\r\n".repeat(3)))).toThrow("not a binary COPY stream");
  });
});
