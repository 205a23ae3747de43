// Runs once at server start. The Node.js-only work lives in instrumentation-node.ts behind a
// positive NEXT_RUNTIME check, which the bundler can drop from the Edge build (no Node API warnings).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { openDatabaseAndSchedule } = await import("./instrumentation-node");
    await openDatabaseAndSchedule();
  }
}
