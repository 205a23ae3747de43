// The Overview's Attention panel at scale, part of the `reports` workload: the same function as
// GET /api/anomalies (the last 14 days, stored anomalies only) for an admin, a director and a manager.
import { count, eq } from "drizzle-orm";
import { anomalies } from "../../db/schema";
import { scopeOf } from "../../lib/auth/scope";
import { loadViewer } from "../../lib/auth/viewer";
import { listAnomalies } from "../../lib/anomalies/list";
import type { BenchContext } from "../harness";

const ITERATIONS = 50;

export async function measureAnomalyPanel(ctx: BenchContext): Promise<void> {
  const [{ stored }] = await ctx.db.select({ stored: count() }).from(anomalies).where(eq(anomalies.orgId, ctx.orgId));
  ctx.log(`anomalies: ${stored} stored for the organisation`);
  for (const [who, user] of [["admin", ctx.users.admin], ["director", ctx.users.directors[0]], ["manager", ctx.users.managers[0]]] as const) {
    const viewer = await loadViewer(ctx.db, user.id);
    if (!viewer) throw new Error(`bench user ${user.email} is missing or disabled`);
    await ctx.measure(`anomalies: ${who}, last 14 days`, () => listAnomalies(ctx.db, scopeOf(viewer), {}, viewer.org), { iterations: ITERATIONS, warmup: 2 });
  }
}
