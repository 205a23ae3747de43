// Every report through the same function as the JSON API (`runReport`): an admin over the last
// 12 months and over all time, a director and a manager over the last 12 months.
import { loadViewer } from "../../lib/auth/viewer";
import { runReport } from "../../lib/reports/run-report";
import { reportNames } from "../../lib/reports/registry";
import type { Workload } from "../harness";

const ITERATIONS = 50;

export const reportsWorkload: Workload = {
  name: "reports",
  description: `each report for an admin (12 months, all time), a director and a manager, ${ITERATIONS} calls each`,
  run: async (ctx) => {
    const cases = [
      { label: "admin, 12 months", user: ctx.users.admin, params: "preset=last-12-months" },
      { label: "admin, all time", user: ctx.users.admin, params: "preset=all-time" },
      { label: "director, 12 months", user: ctx.users.directors[0], params: "preset=last-12-months" },
      { label: "manager, 12 months", user: ctx.users.managers[0], params: "preset=last-12-months" },
    ];
    for (const name of reportNames) {
      for (const { label, user, params } of cases) {
        const viewer = await loadViewer(ctx.db, user.id);
        if (!viewer) throw new Error(`bench user ${user.email} is missing or disabled`);
        await ctx.measure(`${name}: ${label}`, () => runReport(ctx.db, viewer, name, new URLSearchParams(params)), { iterations: ITERATIONS, warmup: 2 });
      }
    }
  },
};
