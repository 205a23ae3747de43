// How every postgres.js client of the app connects. Supabase's transaction pooler (port 6543, as
// PgBouncer in transaction mode) hands each transaction to any server connection, so nothing of a
// session survives: no prepared statements, no session advisory locks, no LISTEN. Such a URL gets
// prepared statements off; migrations and LISTEN go through DATABASE_DIRECT_URL (lib/env.ts).
import type { Options } from "postgres";

const TRANSACTION_POOLER_PORT = "6543";

export function isTransactionPooler(url: string): boolean {
  return URL.parse(url)?.port === TRANSACTION_POOLER_PORT;
}

export function postgresOptions(url: string, max: number): Options<Record<string, never>> {
  return { max, onnotice: () => {}, prepare: !isTransactionPooler(url) };
}

/** Where session-bound work goes (migrations under their lock, LISTEN): the direct URL when given. */
export function sessionUrl(databaseUrl: string, directUrl: string | undefined): string {
  return directUrl ?? databaseUrl;
}
