// Deleting a row makes PostgreSQL look up every row that references it (to cascade or set null),
// one lookup per deleted row. Where a source can hold many of the referenced rows, that lookup needs
// an index led by the referencing column, or deleting a source scans whole tables once per row
// (an amoCRM source of 36,000 deals: over 10 minutes without, 8 s with; docs/sync.md).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "./migrate";
import { createTestDb, type TestDb } from "./test/test-db";

/** Tables a single source can fill with thousands of rows. */
const MANY_PER_SOURCE = ["activities", "companies", "contacts", "crm_users", "customers", "deals", "leads", "orders", "stages", "stage_changes"];

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

describe("foreign keys", () => {
  it("that point at tables with many rows per source all have an index led by their column", async () => {
    const unindexed = await selectRows<{ reference: string }>(
      testDb.db,
      sql`select c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text as reference
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f' and c.confrelid::regclass::text = any(${`{${MANY_PER_SOURCE.join(",")}}`}::text[])
            and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
          order by 1`,
    );
    expect(unindexed.map((row) => row.reference)).toEqual([]);
  });
});
