// `npm run restore -- <file>`: loads a backup made by `npm run backup` into a new, empty database —
// PostgreSQL at DATABASE_URL (pg_restore), or a new PGLITE_DATA_DIR folder. Never over existing data.
import { describeError, formatDuration, UsageError } from "./cli";

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (!file) throw new UsageError("usage: npm run restore -- <file>");
  const { env } = await import("../lib/env");
  const started = Date.now();
  if (env.DATABASE_URL) {
    const { restorePostgres } = await import("../db/backup/postgres-backup");
    await restorePostgres(file, env.DATABASE_DIRECT_URL ?? env.DATABASE_URL);
    console.log(`${file} restored into PostgreSQL at DATABASE_URL in ${formatDuration(Date.now() - started)}`);
  } else {
    const { restorePglite } = await import("../db/backup/pglite-backup");
    await restorePglite(file, env.PGLITE_DATA_DIR);
    console.log(`${file} restored into PGlite at ${env.PGLITE_DATA_DIR} in ${formatDuration(Date.now() - started)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`restore failed: ${describeError(error)}`);
  process.exitCode = 1;
});
