// The deals CSV written by PostgreSQL's COPY is the same file, byte for byte, as the row-by-row
// writer's (deals-csv-stream.ts, itself held to csv-stringify by csv-writers.test.ts): on deals with
// Cyrillic, quotes, delimiters, line breaks, formulas, NULLs, zero, negative and extreme amounts and
// rates with many decimals (../test/awkward-deals.ts), in both languages and with every
// delimiter/decimal pair, in three time zones. On PGlite, which has no COPY, the
// export takes the row writer (the same bytes trivially), and the SQL formatting of each cell is
// still compared with the JavaScript cell writers, by a plain SELECT.
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/migrate";
import type { OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { dealListFiltersSchema, streamDeals } from "@/lib/deals/deal-list";
import { postgresClient } from "@/lib/deals/deal-stream";
import type { Locale } from "@/lib/format";
import { exportMessages } from "@/lib/i18n/export-messages";
import { csvCellWriter, csvStyleFor, type CsvStyle } from "../csv";
import { dealColumns } from "./deal-columns";
import { dealsCsvSelect } from "./deals-copy-sql";
import { dealsCsvStream } from "./deals-csv-stream";
import { CSV_ROW_LIMIT, DEAL_BATCH_SIZE, exportDeals } from "./deals-export";
import { readAhead } from "@/lib/async/read-ahead";
import { addManyPlainDeals, awkward, AWKWARD_ZONES, createAwkwardOrg } from "../test/awkward-deals";

let testDb: TestDb;
const orgs: { f: OrgFixture; viewer: Viewer }[] = [];
const now = new Date("2026-01-01T00:00:00Z");

/**
 * On PostgreSQL about 7 MB of CSV: more than the socket and the stream buffers hold, so the COPY is
 * still running when the client goes away. PGlite's row writer stops between batches of 1,000, so
 * five batches show it there (and PGlite inserts slowly).
 */
let MANY = 0;

beforeAll(async () => {
  testDb = await createTestDb();
  for (const zone of AWKWARD_ZONES) orgs.push(await createAwkwardOrg(testDb, zone));
  MANY = testDb.mode === "postgres" ? 60_000 : 5_000;
  await addManyPlainDeals(testDb, orgs[0].f, MANY);
}, 180_000);
afterAll(() => testDb.close());

const styles: [Locale, { delimiter?: string; decimal?: string }][] = [
  ["ru", {}],
  ["en", {}],
  ["ru", { delimiter: ",", decimal: "," }],
  ["en", { delimiter: ";", decimal: "." }],
];
// The first org's many plain deals (January 1950) stay out of the compared files: every period starts later.
const queries = ["from=2025-01-01&to=2026-12-31", "from=1969-01-01&to=2026-12-31&sort=amount&order=asc", "from=2025-01-01&to=2026-12-31&sort=title", "status=won&periodOn=closed&from=2025-01-01&to=2025-12-31"];

/** The file as the row-by-row writer writes it. */
async function rowWriterFile(org: (typeof orgs)[number], locale: Locale, style: CsvStyle, query: string): Promise<string> {
  const filters = dealListFiltersSchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const rows = readAhead(streamDeals(testDb.db, scopeOf(org.viewer), filters, DEAL_BATCH_SIZE, now));
  const stream = dealsCsvStream(rows, dealColumns(exportMessages[locale]), style, org.viewer.org.timezone, CSV_ROW_LIMIT);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("the deals CSV export", () => {
  it(`takes COPY on PostgreSQL and the row writer on PGlite (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"} here)`, () => {
    expect(postgresClient(testDb.db) !== null).toBe(testDb.mode === "postgres");
  });

  it("writes the same bytes as the row-by-row writer, for every language, delimiter, decimal, sort and filter", async () => {
    let files = 0;
    for (const org of orgs) {
      for (const [locale, override] of styles) {
        for (const query of queries) {
          const params = new URLSearchParams(query);
          const response = await exportDeals({ db: testDb.db, viewer: org.viewer, params, locale, options: { format: "csv", ...override } as never, now });
          const file = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
          const expected = await rowWriterFile(org, locale, csvStyleFor(locale, override), query);
          expect(file, `${org.viewer.org.timezone} ${locale} ${JSON.stringify(override)} ${query}`).toBe(expected);
          files++;
        }
      }
    }
    expect(files).toBe(3 * 4 * 4);
    // What the files hold, so that "the same" is not "the same and both empty".
    const sample = await rowWriterFile(orgs[0], "ru", csvStyleFor("ru"), queries[1]);
    expect(sample.startsWith("\uFEFFID в CRM;Название;")).toBe(true);
    expect(sample).toContain(`\r\n'=1+1;"Сделка ""Ромашка""; этап 2";alice;"Основная, ""B2B""";WON;Выиграна;1234,50;KZT;1234,50;2025-03-09 11:59;2025-03-09 12:00;"Портал; web";;;\r\n`);
    expect(sample).toContain(`\r\nE6;;"'=cmd|"" /C calc""!A0";`); // an empty title; a formula manager, quoted for its quotes
    expect(sample).toContain(";10000000000000000,00;"); // 9,999,999,999,999,999.99 is 1e16 as a double: what toFixed(2) writes
    expect(sample).toContain(`;"весна\nsale;1"\r\n`);
  });

  it("formats every cell in SQL exactly as the JavaScript cell writers do (a SELECT, so on PGlite too)", async () => {
    for (const org of orgs) {
      for (const [locale, override] of styles) {
        const t = exportMessages[locale];
        const style = csvStyleFor(locale, override);
        const columns = dealColumns(t);
        const timeZone = org.viewer.org.timezone;
        const filters = dealListFiltersSchema.parse({ from: "1969-01-01", to: "2026-12-31" });
        const { query } = await dealsCsvSelect({ db: testDb.db, scope: scopeOf(org.viewer), filters, columns, t, style, timeZone, rowLimit: CSV_ROW_LIMIT, now });
        const fromSql = (await query).map((row) => columns.map((_, index) => (row[`c${index}`] as string | null) ?? ""));
        const fromJs: string[][] = [];
        for await (const batch of streamDeals(testDb.db, scopeOf(org.viewer), filters, DEAL_BATCH_SIZE, now)) {
          for (const deal of batch) fromJs.push(columns.map((column) => csvCellWriter(column.type as never, style, timeZone)(column.value(deal))));
        }
        expect(fromSql, `${timeZone} ${locale} ${JSON.stringify(override)}`).toEqual(fromJs);
        expect(fromSql).toHaveLength(awkward.length);
      }
    }
  });

  it("stops reading the database when the client goes away, and the connection serves the next query", async () => {
    const org = orgs[0];
    const response = await exportDeals({ db: testDb.db, viewer: org.viewer, params: new URLSearchParams(), locale: "ru", options: { format: "csv" }, now });
    const reader = response.body!.getReader();
    await reader.read(); // the BOM and the header
    const rows = await reader.read(); // the first rows: the database is now writing
    expect(rows.value!.byteLength).toBeGreaterThan(0);
    await reader.cancel();
    if (testDb.mode === "postgres") {
      // The COPY was cancelled on the server, not left paused on its connection (the server may take
      // a moment to report its connection idle).
      const activeCopies = async () => (await selectRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from pg_stat_activity where query like 'copy (select%' and state = 'active'`))[0].n;
      let active = await activeCopies();
      for (let tries = 0; active > 0 && tries < 50; tries++) active = await new Promise<number>((resolve) => setTimeout(() => resolve(activeCopies()), 100));
      expect(active).toBe(0);
    }
    const again = await exportDeals({ db: testDb.db, viewer: org.viewer, params: new URLSearchParams(), locale: "ru", options: { format: "csv" }, now });
    const records = parse(Buffer.from(await again.arrayBuffer()), { delimiter: ";", bom: true }) as string[][];
    expect(records).toHaveLength(1 + awkward.length + MANY); // the header, the awkward deals, the many
  });
});
