// Every report through the same function as the JSON API (`runReport`): an admin over the last
// 12 months and over all time, a director and a manager over the last 12 months (the forecast among
// them, its pipeline weighted by the stored win probabilities, scored first when any are stale); then
// the Attention panel (anomalies-panel.ts), the header search (search-cases.ts) and the report builder
// (builder-cases.ts). BENCH_REPORTS (comma-separated report names, e.g. "traffic-teams", or
// "anomalies", "search", "builder") measures only those.
import { loadViewer } from "../../lib/auth/viewer";
import { runReport } from "../../lib/reports/run-report";
import { isReportName, reportNames } from "../../lib/reports/registry";
import type { Workload } from "../harness";
import { scoreStaleDeals } from "../../lib/predict/scores";
import { measureAnomalyPanel } from "./anomalies-panel";
import { measureBuilder } from "./builder-cases";
import { measureSearch } from "./search-cases";

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
    const only = process.env.BENCH_REPORTS?.split(",").map((name) => name.trim()).filter(Boolean);
    const extras = ["anomalies", "search", "builder"];
    const unknown = only?.filter((name) => !isReportName(name) && !extras.includes(name)) ?? [];
    if (unknown.length > 0) throw new Error(`BENCH_REPORTS: unknown report ${unknown.join(", ")} (try: ${[...reportNames, ...extras].join(", ")})`);
    if (!only || only.includes("forecast")) {
      // A reused dataset may predate stored scores (or have aged a day): score it as the background would.
      const started = Date.now();
      const scores = await scoreStaleDeals(ctx.db, ctx.orgId, { budgetMs: 60 * 60_000 });
      ctx.log(`win probabilities: ${scores.scored.toLocaleString("en")} open deals scored by model v${scores.modelVersion ?? "—"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    for (const name of only ? reportNames.filter((name) => only.includes(name)) : reportNames) {
      for (const { label, user, params } of cases) {
        const viewer = await loadViewer(ctx.db, user.id);
        if (!viewer) throw new Error(`bench user ${user.email} is missing or disabled`);
        await ctx.measure(`${name}: ${label}`, () => runReport(ctx.db, viewer, name, new URLSearchParams(params)), { iterations: ITERATIONS, warmup: 2 });
      }
    }
    if (!only || only.includes("anomalies")) await measureAnomalyPanel(ctx);
    if (!only || only.includes("search")) await measureSearch(ctx);
    if (!only || only.includes("builder")) await measureBuilder(ctx);
  },
};
