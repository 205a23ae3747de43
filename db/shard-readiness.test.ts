// Ready to shard by organisation (issue 22): the catalog against the rule in db/shard-readiness-debt.ts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selectRows } from "./migrate";
import { NOT_TENANT_TABLES, SHARD_RULE_DEBT } from "./shard-readiness-debt";
import { createTestDb, type TestDb } from "./test/test-db";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

/** Every break of the rule, one line each: a tenant table without org_id, or a key of one without it. */
async function shardRuleBreaks(): Promise<string[]> {
  const notTenant = `{${NOT_TENANT_TABLES.join(",")}}`;
  const rows = await selectRows<{ break: string }>(
    testDb.db,
    sql`with tenant as (
          select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> all (${notTenant}::text[])
        ),
        org_col as (select t.oid, a.attnum from tenant t join pg_attribute a on a.attrelid = t.oid and a.attname = 'org_id'),
        cols as (
          select c.oid as con, string_agg(a.attname, ', ' order by k.ord) as names
          from pg_constraint c cross join unnest(c.conkey) with ordinality k(num, ord)
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num
          group by c.oid
        )
        select t.relname || ': no org_id' as break from tenant t where not exists (select 1 from org_col o where o.oid = t.oid)
        union all
        select case c.contype when 'p' then 'primary key ' when 'u' then 'unique ' else 'foreign key ' end
               || t.relname || ' (' || cols.names || ')' || case when c.contype = 'f' then ' -> ' || c.confrelid::regclass::text else '' end
        from tenant t join pg_constraint c on c.conrelid = t.oid and c.contype in ('p', 'u', 'f') join cols on cols.con = c.oid
        where not exists (select 1 from org_col o where o.oid = t.oid and o.attnum = any (c.conkey))
          and not (c.contype = 'f' and c.confrelid::regclass::text = any (${notTenant}::text[]))
        union all
        select 'unique index ' || i.indexrelid::regclass::text || ' on ' || t.relname
        from tenant t join pg_index i on i.indrelid = t.oid and i.indisunique and not i.indisprimary
        where not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
          and not exists (select 1 from org_col o where o.oid = t.oid and o.attnum = any (i.indkey::int2[]))
        order by 1`,
  );
  return rows.map((row) => row.break);
}

it("no table or key breaks the shard-by-organisation rule beyond the recorded debt", async () => {
  const breaks = await shardRuleBreaks();
  const debt = new Set(SHARD_RULE_DEBT);
  expect(breaks.filter((one) => !debt.has(one)), "new breaks: add org_id to the table and its keys (docs/scaling.md)").toEqual([]);
});

it("every recorded break still exists (a fixed one leaves SHARD_RULE_DEBT)", async () => {
  const breaks = new Set(await shardRuleBreaks());
  expect(SHARD_RULE_DEBT.filter((one) => !breaks.has(one))).toEqual([]);
});
