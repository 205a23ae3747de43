// `npm run backup -- <file>`: a consistent copy of the app's database — pg_dump (custom format)
// when DATABASE_URL is set, while the app keeps running; otherwise PGlite's dump of
// PGLITE_DATA_DIR, which needs the app stopped (the folder's lock says which process holds it).
// `npm run restore -- <file>` puts it back into a new, empty database (docs/deploy.md#backups).
import { describeError, formatDuration, UsageError } from "./cli";

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (!file) throw new UsageError("usage: npm run backup -- <file>  (e.g. backups/voronka-2026-12-07.dump)");
  const { env } = await import("../lib/env");
  const started = Date.now();
  if (env.DATABASE_URL) {
    const { backupPostgres } = await import("../db/backup/postgres-backup");
    await backupPostgres(env.DATABASE_DIRECT_URL ?? env.DATABASE_URL, file);
    console.log(`PostgreSQL backed up to ${file} (pg_dump, custom format) in ${formatDuration(Date.now() - started)}`);
  } else {
    const { backupPglite } = await import("../db/backup/pglite-backup");
    const { bytes } = await backupPglite(env.PGLITE_DATA_DIR, file);
    console.log(`PGlite at ${env.PGLITE_DATA_DIR} backed up to ${file} (${(bytes / 1_048_576).toFixed(1)} MiB) in ${formatDuration(Date.now() - started)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${describeError(error)}`);
  process.exitCode = 1;
});
