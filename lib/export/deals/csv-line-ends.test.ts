// COPY ends rows with LF; the file ends them with CRLF, and a line feed inside quotes stays.
import { describe, expect, it } from "vitest";
import { csvLineEndConverter } from "./csv-line-ends";

const text = (chunks: string[]) => {
  const convert = csvLineEndConverter();
  return chunks.map((chunk) => Buffer.from(convert(Buffer.from(chunk))).toString()).join("");
};

describe("csvLineEndConverter", () => {
  it("ends each row with CRLF and leaves line feeds inside quoted fields alone", () => {
    expect(text(['a;"two\nlines";b\n', 'c;"say ""hi""\n";d\n', "e;;\n"])).toBe('a;"two\nlines";b\r\nc;"say ""hi""\n";d\r\ne;;\r\n');
  });

  it("carries an open quote from one chunk to the next, however the rows are cut", () => {
    const whole = 'x;"a\nb";"""\n"""\ny;\n"\n";z\n';
    const expected = 'x;"a\nb";"""\n"""\r\ny;\r\n"\n";z\r\n';
    for (let cut = 0; cut <= whole.length; cut++) {
      for (let second = cut; second <= whole.length; second++) {
        expect(text([whole.slice(0, cut), whole.slice(cut, second), whole.slice(second)]), `${cut} ${second}`).toBe(expected);
      }
    }
  });

  it("passes a chunk with no row end through as it is", () => {
    const convert = csvLineEndConverter();
    const chunk = Buffer.from("no end yet;");
    expect(convert(chunk)).toBe(chunk);
  });
});
