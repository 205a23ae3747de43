// Opens the database at server start, so migrations and the first-start demo data are done
// before the first visitor arrives (and failures show up in the log at once).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDbHandle } = await import("./db/client");
  const started = Date.now();
  try {
    const { mode } = await getDbHandle();
    console.info(`[voronka] database ready (${mode}) in ${Date.now() - started} ms`);
  } catch (error) {
    console.error("[voronka] the database could not be opened:", error instanceof Error ? error.message : error);
  }
}
