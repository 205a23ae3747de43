// The Overview's Attention panel: GET /api/anomalies's function (stored results, so it should answer
// within the reports' targets: p95 ≤ 150 ms admin, ≤ 50 ms manager), for an admin, a director and a
// manager; and one background detection pass over the organisation's series (docs/anomalies.md).
import { listAnomalies } from "../../lib/anomalies/list";
import { detectOrgAnomalies } from "../../lib/anomalies/run";
import { scopeOf } from "../../lib/auth/scope";
import { loadViewer } from "../../lib/auth/viewer";
import type { Workload } from "../harness";

const ITERATIONS = 50;

export const anomaliesWorkload: Workload = {
  name: "anomalies",
  description: `one detection pass (5 runs), then the Attention panel's list for an admin, a director and a manager, ${ITERATIONS} calls each`,
  run: async (ctx) => {
    await ctx.measure("detection pass (14 days judged)", () => detectOrgAnomalies(ctx.db, ctx.orgId), { iterations: 5, warmup: 1 });
    const cases = [
      { label: "admin", user: ctx.users.admin },
      { label: "director", user: ctx.users.directors[0] },
      { label: "manager", user: ctx.users.managers[0] },
    ];
    for (const { label, user } of cases) {
      const viewer = await loadViewer(ctx.db, user.id);
      if (!viewer) throw new Error(`bench user ${user.email} is missing or disabled`);
      await ctx.measure(`attention panel: ${label}`, () => listAnomalies(ctx.db, scopeOf(viewer), {}, viewer.org), { iterations: ITERATIONS, warmup: 2 });
    }
  },
};
