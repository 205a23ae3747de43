// The header search at scale, part of the `reports` workload: the same function as GET /api/search
// for an admin, a director and a manager, by a common word, a rare word form, a full phone typed the
// local way, a partial phone and an e-mail prefix. The target is p95 ≤ 100 ms at 1M deals (docs/search.md).
import { sql } from "drizzle-orm";
import { can } from "../../lib/auth/permissions";
import { scopeOf } from "../../lib/auth/scope";
import { loadViewer } from "../../lib/auth/viewer";
import { CUSTOMERS_ACTION } from "../../lib/customers/access";
import { search } from "../../lib/search/search";
import type { BenchContext } from "../harness";

const ITERATIONS = 50;

/** Queries taken from the dataset itself, so they find something at any scale. */
async function sampleQueries(ctx: BenchContext): Promise<{ label: string; q: string }[]> {
  const [row] = (await ctx.db.execute(sql`
    select (select phone from contacts where org_id = ${ctx.orgId} and phone like '+7%' order by id limit 1) as phone,
           (select email from contacts where org_id = ${ctx.orgId} and email is not null order by id limit 1) as email
  `)) as unknown as { phone: string; email: string }[];
  const local = `8 ${row.phone.slice(2, 5)} ${row.phone.slice(5, 8)}-${row.phone.slice(8, 10)}-${row.phone.slice(10)}`;
  return [
    { label: "common word «поставки»", q: "поставки" },
    { label: "English word «course»", q: "course" },
    { label: "surname «Иванов»", q: "иванов" },
    { label: "two words «поставка тен»", q: "поставка тен" },
    { label: "full phone 8 7xx …", q: local },
    { label: "partial phone 8 7xx", q: local.slice(0, 5) },
    { label: "e-mail prefix", q: row.email.slice(0, row.email.indexOf("@") + 1) },
    { label: "nothing found", q: "щщщщщ" },
  ];
}

export async function measureSearch(ctx: BenchContext): Promise<void> {
  const queries = await sampleQueries(ctx);
  for (const [who, user] of [["admin", ctx.users.admin], ["director", ctx.users.directors[0]], ["manager", ctx.users.managers[0]]] as const) {
    const viewer = await loadViewer(ctx.db, user.id);
    if (!viewer) throw new Error(`bench user ${user.email} is missing or disabled`);
    const options = { country: viewer.org.country, canSeeCustomers: can(viewer.role, CUSTOMERS_ACTION) };
    for (const { label, q } of queries) {
      await ctx.measure(`search: ${who}, ${label}`, () => search(ctx.db, scopeOf(viewer), q, options), { iterations: ITERATIONS, warmup: 2 });
    }
  }
}
