// The deals workbook whose cells PostgreSQL hands over as finished texts (a binary COPY,
// deals-xlsx-sql.ts) is the same workbook, file by file inside the zip, as the one whose rows are
// rendered from row objects (the path before, still PGlite's and a transaction's, itself held to
// exceljs' own XML by xlsx-row-xml.test.ts): on the awkward deals (../test/awkward-deals.ts) in three
// time zones, both languages, four sorts and filters. On PGlite, which has no COPY stream, the
// export renders row objects; the SQL's XML is still compared there, read by a plain SELECT.
import ExcelJS from "exceljs";
import JSZip from "jszip";
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
import { addManyPlainDeals, awkward, AWKWARD_ZONES, createAwkwardOrg } from "../test/awkward-deals";
import type { ExportDocument } from "../model";
import { dealColumns } from "./deal-columns";
import { DEAL_BATCH_SIZE, exportDeals, XLSX_ROW_LIMIT } from "./deals-export";
import { sheetXmlOfFields } from "./deals-xlsx-copy";
import { dealsXlsxSelect } from "./deals-xlsx-sql";
import { dealsXlsxStream, renderedRows, type SheetRows } from "./deals-xlsx-stream";

let testDb: TestDb;
const orgs: { f: OrgFixture; viewer: Viewer }[] = [];
const now = new Date("2026-01-01T00:00:00Z");
let MANY = 0;

beforeAll(async () => {
  testDb = await createTestDb();
  for (const zone of AWKWARD_ZONES) orgs.push(await createAwkwardOrg(testDb, zone));
  // Enough rows on PostgreSQL (about 6 MB of sheet XML) that the COPY is still running when the client goes away.
  MANY = testDb.mode === "postgres" ? 30_000 : 2_000;
  await addManyPlainDeals(testDb, orgs[0].f, MANY);
}, 180_000);
afterAll(() => testDb.close());

const queries = ["from=2025-01-01&to=2026-12-31", "from=1969-01-01&to=2026-12-31&sort=amount&order=asc", "from=2025-01-01&to=2026-12-31&sort=title", "status=won&periodOn=closed&from=2025-01-01&to=2025-12-31"];

/** Every file of a workbook, by name, as text; the clock time exceljs stamps as created/modified masked. */
async function filesOf(xlsx: Buffer): Promise<Map<string, string>> {
  const archive = await JSZip.loadAsync(xlsx);
  const files = new Map<string, string>();
  for (const name of Object.keys(archive.files).sort()) {
    const text = await archive.file(name)!.async("string");
    files.set(name, name === "docProps/core.xml" ? text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$1…") : text);
  }
  return files;
}

async function exported(db: TestDb["db"], viewer: Viewer, locale: Locale, query: string): Promise<Buffer> {
  const response = await exportDeals({ db, viewer, params: new URLSearchParams(query), locale, options: { format: "xlsx" }, now });
  return Buffer.from(await response.arrayBuffer());
}

/** The row-object path: inside a transaction there is no client to COPY with. */
const rowObjectPath = (viewer: Viewer, locale: Locale, query: string) => testDb.db.transaction((tx) => exported(tx, viewer, locale, query));

describe("the deals XLSX export", () => {
  it(`takes COPY on PostgreSQL and rendered row objects on PGlite (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"} here)`, () => {
    expect(postgresClient(testDb.db) !== null).toBe(testDb.mode === "postgres");
  });

  it("writes the same workbook as the row-object path, for both languages, every sort and filter, three time zones", async () => {
    let workbooks = 0;
    for (const org of orgs) {
      for (const locale of ["ru", "en"] as const) {
        for (const query of queries) {
          const ours = await filesOf(await exported(testDb.db, org.viewer, locale, query));
          const theirs = await filesOf(await rowObjectPath(org.viewer, locale, query));
          expect([...ours.keys()]).toEqual([...theirs.keys()]);
          for (const [name, text] of theirs) expect(ours.get(name), `${org.viewer.org.timezone} ${locale} ${query} ${name}`).toBe(text);
          workbooks++;
        }
      }
    }
    expect(workbooks).toBe(3 * 2 * 4);
    // What the sheets hold, so that "the same" is not "the same and both empty": Almaty (UTC+5), sorted by amount.
    const sheet = (await filesOf(await exported(testDb.db, orgs[0].viewer, "ru", queries[1]))).get("xl/worksheets/sheet2.xml")!;
    expect(sheet.match(/<row /g)).toHaveLength(1 + awkward.length);
    expect(sheet).toContain(`t="str"><v>&apos;=SUM(A1:A9)</v></c>`); // a formula stays text
    expect(sheet).toContain(`<v>Ёлка &amp; &lt;теги&gt; &apos;кавычки&apos; </v>`); // escaped, the control character dropped
    expect(sheet).toContain("><v>-0.05</v></c>"); // -0.05 $
    expect(sheet).toContain("><v>10000000000000000</v></c>"); // 9,999,999,999,999,999.99 as a double, all digits
    expect(sheet).toContain("><v>-632526.6</v></c>"); // -1 234.57 € × 512.34567891 = -632 526.604… → -632 526.60
    expect(sheet).toContain("><v>35.86</v></c>"); // 0.07 € × 512.34567891 = 35.864…
  });

  it("gives from SQL the same cells as the row-object path (a SELECT, so on PGlite too)", async () => {
    const t = exportMessages.en;
    for (const org of orgs) {
      const filters = dealListFiltersSchema.parse({ from: "1969-01-01", to: "2026-12-31" });
      const scope = scopeOf(org.viewer);
      const timeZone = org.viewer.org.timezone;
      const columns = dealColumns(t);
      const doc: ExportDocument = { slug: "deals", title: "Deals", locale: "en", currency: "KZT", timezone: timeZone, period: null, filters: [], scope: "x", exportedBy: "x", exportedAt: now, sections: [] };
      const selected: SheetRows = async function* (cells) {
        const { query, layout } = await dealsXlsxSelect({ db: testDb.db, scope, filters, columns, t, timeZone, rowLimit: XLSX_ROW_LIMIT, now });
        const sheet = sheetXmlOfFields(cells, layout, XLSX_ROW_LIMIT);
        for (const row of await query) sheet.add(Object.values(row) as (string | null)[]);
        yield sheet.take();
      };
      const rendered = renderedRows(streamDeals(testDb.db, scope, filters, DEAL_BATCH_SIZE, now), columns, timeZone);
      const write = async (source: SheetRows) => filesOf(Buffer.from(await new Response(dealsXlsxStream(source, columns, doc, t, awkward.length, XLSX_ROW_LIMIT)).arrayBuffer()));
      const [ours, theirs] = [await write(selected), await write(rendered)];
      for (const name of ["xl/worksheets/sheet2.xml", "xl/styles.xml"]) expect(ours.get(name), `${timeZone} ${name}`).toBe(theirs.get(name));
      expect(ours.get("xl/worksheets/sheet2.xml")!.match(/<row /g)).toHaveLength(1 + awkward.length);
    }
  });

  it("stops reading the database when the client goes away, and the connection serves the next query", async () => {
    const org = orgs[0];
    const response = await exportDeals({ db: testDb.db, viewer: org.viewer, params: new URLSearchParams(), locale: "ru", options: { format: "xlsx" }, now });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBeGreaterThan(0);
    await reader.cancel();
    if (testDb.mode === "postgres") {
      const activeCopies = async () => (await selectRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from pg_stat_activity where query like 'copy (select%' and state = 'active'`))[0].n;
      let active = await activeCopies();
      for (let tries = 0; active > 0 && tries < 50; tries++) active = await new Promise<number>((resolve) => setTimeout(() => resolve(activeCopies()), 100));
      expect(active).toBe(0);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported(testDb.db, org.viewer, "ru", "")) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet(exportMessages.ru.reports.deals)!.rowCount).toBe(1 + awkward.length + MANY); // the header, the awkward deals, the many
  }, 120_000);
});
