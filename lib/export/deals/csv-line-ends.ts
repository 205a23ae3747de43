// PostgreSQL's COPY ends each CSV row with a bare LF; Voronka's CSV files end rows with CRLF (as
// csv-stringify wrote them) while a line feed inside a quoted field stays as it is. This turns the
// one into the other chunk by chunk, carrying whether a chunk ends inside quotes to the next.

const QUOTE = 0x22;
const LF = 0x0a;

export function csvLineEndConverter(): (chunk: Uint8Array) => Uint8Array {
  let inQuotes = false;
  return (chunk) => {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const rowEnds: number[] = [];
    let position = 0;
    // The next quote is looked up once and reused until passed: most rows have none.
    let nextQuote = -2;
    while (position < buffer.length) {
      if (inQuotes) {
        const close = buffer.indexOf(QUOTE, position);
        if (close < 0) break;
        // A doubled quote inside a field closes and reopens: the parity still says where we are.
        inQuotes = false;
        position = close + 1;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < position) nextQuote = buffer.indexOf(QUOTE, position);
      const lineFeed = buffer.indexOf(LF, position);
      if (lineFeed >= 0 && (nextQuote < 0 || lineFeed < nextQuote)) {
        rowEnds.push(lineFeed);
        position = lineFeed + 1;
      } else if (nextQuote >= 0) {
        inQuotes = true;
        position = nextQuote + 1;
      } else {
        break;
      }
    }
    if (rowEnds.length === 0) return chunk;
    const out = Buffer.allocUnsafe(buffer.length + rowEnds.length);
    let from = 0;
    let to = 0;
    for (const end of rowEnds) {
      to += buffer.copy(out, to, from, end);
      out[to++] = 0x0d;
      out[to++] = LF;
      from = end + 1;
    }
    buffer.copy(out, to, from);
    return out;
  };
}
