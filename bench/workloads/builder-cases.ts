// The report builder at scale, part of the `reports` workload: the same function as POST
// /api/reports/custom, a one-year query by two dimensions (month × manager) of deal, lead and
// activity measures, for an admin, a director and a manager. Targets: p95 ≤ 150 ms admin, ≤ 50 ms
// manager at 1M deals (docs/builder.md, "Speed").
import { loadViewer } from "../../lib/auth/viewer";
import { customReportSchema, type CustomReportRequest } from "../../lib/reports/builder/request";
import { runCustomReport } from "../../lib/reports/builder/run-custom-report";
import type { BenchContext } from "../harness";

const ITERATIONS = 50;

const oneYear = (measures: string[], dimensions: string[]) => customReportSchema.parse({ measures, dimensions, period: { preset: "last-12-months" } }) as CustomReportRequest;

const queries = [
  { label: "won revenue, won deals, deals created by month × manager", request: oneYear(["wonRevenue", "wonDeals", "dealsCreated"], ["month", "manager"]) },
  { label: "leads, conversion, calls by month × manager", request: oneYear(["leads", "conversion", "calls", "callMinutes"], ["month", "manager"]) },
  { label: "won revenue by week × pipeline", request: oneYear(["wonRevenue"], ["week", "pipeline"]) },
];

export async function measureBuilder(ctx: BenchContext): Promise<void> {
  for (const [who, user] of [["admin", ctx.users.admin], ["director", ctx.users.directors[0]], ["manager", ctx.users.managers[0]]] as const) {
    const viewer = await loadViewer(ctx.db, user.id);
    if (!viewer) throw new Error(`bench user ${user.email} is missing or disabled`);
    for (const { label, request } of queries) {
      await ctx.measure(`builder: ${who}, ${label}`, () => runCustomReport(ctx.db, viewer, request), { iterations: ITERATIONS, warmup: 2 });
    }
  }
}
