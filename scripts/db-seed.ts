// `npm run db:seed -- [--deals N] [--seed S]`: replaces the demo organisation «Воронка Демо» in the
// app's database (PGlite at PGLITE_DATA_DIR, or PostgreSQL at DATABASE_URL) with a freshly generated one.
import { parseArgs } from "node:util";
import { describeError, formatDuration, parsePositiveInt, UsageError } from "./cli";

const USAGE = "usage: npm run db:seed -- [--deals N] [--seed S]   (default: 6000 deals)";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { deals: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const deals = values.deals === undefined ? undefined : parsePositiveInt(values.deals, "--deals");
  const seed = values.seed === undefined ? undefined : parsePositiveInt(values.seed, "--seed");

  // Opening the database seeds the demo when it has no users; this script does that itself, so it
  // switches that off before lib/env (read once, at import) is loaded.
  process.env.SEED_DEMO = "false";
  const { env } = await import("../lib/env");
  const { getDbHandle, closeDb } = await import("../db/client");
  const { DEFAULT_DEMO_DEALS, DEMO_ORG_NAME, DEMO_LOGINS, DEMO_PASSWORD, seedDemo } = await import("../db/demo");
  const { deleteOrganisationsNamed } = await import("../db/demo/remove");

  const started = Date.now();
  const log = (message: string) => console.log(`[${formatDuration(Date.now() - started).padStart(8)}] ${message}`);
  try {
    const { db, mode } = await getDbHandle();
    log(mode === "pglite" ? `PGlite at ${env.PGLITE_DATA_DIR}, migrated` : "PostgreSQL at DATABASE_URL, migrated");
    const removed = await deleteOrganisationsNamed(db, DEMO_ORG_NAME, log);
    if (removed === 0) log(`no existing «${DEMO_ORG_NAME}» to remove`);
    log(`seeding ${(deals ?? DEFAULT_DEMO_DEALS).toLocaleString("en")} deals${seed === undefined ? "" : ` with seed ${seed}`}…`);
    const { orgId } = await seedDemo(db, { deals, seed, log });
    log(`done: organisation ${orgId} in ${formatDuration(Date.now() - started)}`);
    const [admin, director, director2, firstManager] = DEMO_LOGINS;
    const lastManager = DEMO_LOGINS[DEMO_LOGINS.length - 1];
    console.log(`\nSign in as ${admin.email}, ${director.email}, ${director2.email} or ${firstManager.email} … ${lastManager.email}`);
    console.log(`with the password ${DEMO_PASSWORD}`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${describeError(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
});
