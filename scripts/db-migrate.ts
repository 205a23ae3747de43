// `npm run db:migrate`: applies the migrations in drizzle/ to the app's database (PGlite at
// PGLITE_DATA_DIR, or PostgreSQL at DATABASE_URL) and prints how many are applied.
import { describeError } from "./cli";

async function main(): Promise<void> {
  process.env.SEED_DEMO = "false"; // only migrate: no demo data, even on an empty database (set before lib/env loads)
  const { env } = await import("../lib/env");
  const { getDbHandle, closeDb } = await import("../db/client");
  const { countAppliedMigrations } = await import("../db/migrate");
  try {
    const { db, mode } = await getDbHandle();
    const applied = await countAppliedMigrations(db);
    console.log(`${mode === "pglite" ? `PGlite at ${env.PGLITE_DATA_DIR}` : "PostgreSQL at DATABASE_URL"}: ${applied} migration(s) applied`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${describeError(error)}`);
  process.exitCode = 1;
});
