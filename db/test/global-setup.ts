// On PostgreSQL, migrate the test database once before the workers start (they share it; each
// test makes its own organisation). On PGlite every test file migrates its own in-memory database.
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const { migrationsFolder } = await import("../migrate");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}
