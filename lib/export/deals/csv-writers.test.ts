// The hand-written CSV writers of the deals export write exactly what csv-stringify and csvCell
// wrote before them: the same quoting, the same numbers, the same local times.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import type { DealListRow } from "@/lib/deals/deal-list";
import { exportMessages } from "@/lib/i18n/export-messages";
import { csvCell } from "../cells";
import { csvCellWriter, csvLineWriter, csvStyleFor, type CsvStyle } from "../csv";
import type { CellType } from "../model";
import { dealColumns } from "./deal-columns";
import { dealsCsvStream } from "./deals-csv-stream";

const awkward = ["plain", "", "a;b", "a,b", 'say "hi"', '"', "crlf\r\nend", "'=SUM(A1)", "Сделка №1", " spaced ", "tail;", ";"];

describe("the CSV line writer", () => {
  it("quotes and escapes like csv-stringify for both delimiters", () => {
    for (const delimiter of [";", ","] as const) {
      const line = csvLineWriter(delimiter);
      for (const value of awkward) {
        const record = ["first", value, "last"];
        expect(line(record), JSON.stringify({ delimiter, value })).toBe(stringify([record], { delimiter, record_delimiter: "\r\n" }));
      }
      expect(line(awkward)).toBe(stringify([awkward], { delimiter, record_delimiter: "\r\n" }));
    }
  });

  it("also quotes a lone line feed or carriage return, so the field reads back as one", () => {
    // csv-stringify 6.9 with an explicit "\r\n" record delimiter leaves a bare "\n" unquoted, which
    // spreadsheets read as the end of the row.
    const line = csvLineWriter(";");
    expect(line(["a", "two\nlines", "cr\ronly"])).toBe('a;"two\nlines";"cr\ronly"\r\n');
    expect(parse(line(["a", "two\nlines", "cr\ronly"]), { delimiter: ";" })).toEqual([["a", "two\nlines", "cr\ronly"]]);
  });
});

describe("the per-column cell writers", () => {
  const styles: CsvStyle[] = [csvStyleFor("ru"), csvStyleFor("en"), { delimiter: ",", decimal: "," }];
  const values: Record<CellType, unknown[]> = {
    text: [null, undefined, "", "Deal", "=1+1", "-5", "+7 701", "@home", "\tx", 42],
    money: [null, "", "0", "0.00", "1234.50", "-0.05", "600.5", "9999999999999.99", "12345678901234567.89", 1234.5, "7"],
    amount: [null, "", "0.00", "1234.50", "-0.05", "600.5", 1234.5],
    datetime: [null, "2025-01-31T20:30:00.000Z", "2025-03-30T00:59:59.999Z", "1999-12-31T23:59:00.000Z", new Date("2025-06-01T12:00:00Z"), Date.UTC(2025, 0, 1)],
    integer: [null, 0, 12, "13"],
    percent: [null, 0.2345, 1],
    points: [null, 0.014, -0.0004, 0.4167],
    decimal: [null, 2.5, "3.75"],
    month: [null, "2025-03"],
  };
  for (const style of styles) {
    for (const zone of ["Asia/Almaty", "Europe/Moscow", "UTC"]) {
      it(`write what csvCell writes (${style.delimiter} ${style.decimal} ${zone})`, () => {
        for (const [type, list] of Object.entries(values) as [CellType, unknown[]][]) {
          const write = csvCellWriter(type, style, zone);
          for (const value of list) expect(write(value), `${type} ${String(value)}`).toBe(csvCell(type, value, style, zone));
        }
      });
    }
  }
});

describe("the deals CSV stream", () => {
  const deal: DealListRow = {
    id: "d1",
    externalId: "=42",
    title: 'Big "deal"; part 2',
    managerId: null,
    managerName: null,
    pipelineId: "p",
    pipelineName: "Main",
    stageId: "s",
    stageName: "Won",
    semantic: "won",
    amount: "1234.50",
    currency: "USD",
    baseAmount: null,
    createdAt: "2025-01-31T20:30:00.000Z",
    closedAt: null,
    sourceId: "src",
    sourceName: "Portal, web",
    utmSource: null,
    utmMedium: null,
    utmCampaign: "spring\nsale",
  };
  async function* one() {
    yield [deal];
  }
  const read = async (style: CsvStyle) => new TextDecoder().decode(await new Response(dealsCsvStream(one(), dealColumns(exportMessages.en), style, "Asia/Almaty", 10)).arrayBuffer());

  it("reads back field by field, a comma decimal quoted when the delimiter is a comma too", async () => {
    const text = await read({ delimiter: ",", decimal: "," });
    const [header, row] = parse(text.slice(1), { delimiter: "," }) as string[][];
    expect(header).toHaveLength(15);
    expect(row).toEqual([
      "'=42", // a formula neutralised
      'Big "deal"; part 2',
      exportMessages.en.noManager,
      "Main",
      "Won",
      exportMessages.en.semantic.won,
      "1234,50",
      "USD",
      "", // no rate, no base amount
      "2025-02-01 01:30", // 20:30 UTC is 01:30 next day in Almaty (UTC+5)
      "",
      "Portal, web",
      "",
      "",
      "spring\nsale",
    ]);
    expect(text).toContain(',"1234,50",');
  });

  it("leaves a dot decimal unquoted in a comma file and a comma decimal unquoted in a semicolon file", async () => {
    expect(await read({ delimiter: ",", decimal: "." })).toContain(",1234.50,USD,");
    expect(await read({ delimiter: ";", decimal: "," })).toContain(";1234,50;USD;");
  });
});
