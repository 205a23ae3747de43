// PostgreSQL's own tools: pg_dump in its custom format (consistent: one snapshot, while the app
// keeps running), pg_restore into an empty database. Managed providers add point-in-time recovery
// on top (docs/deploy.md#backups). The URL goes to the tools in the environment, never on the
// command line where `ps` would show its password.
import { spawn } from "node:child_process";
import postgres from "postgres";

function run(tool: string, args: string[], url: string): Promise<void> {
  const { PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, ...rest } = process.env;
  void [PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE]; // the URL says all of them
  const target = new URL(url);
  const env = {
    ...rest,
    PGHOST: decodeURIComponent(target.hostname),
    PGPORT: target.port || "5432",
    PGUSER: decodeURIComponent(target.username),
    PGPASSWORD: decodeURIComponent(target.password),
    PGDATABASE: decodeURIComponent(target.pathname.slice(1)),
    ...(target.searchParams.get("sslmode") ? { PGSSLMODE: target.searchParams.get("sslmode")! } : {}),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${tool} could not start (${error.message}); install PostgreSQL's client tools`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim().slice(0, 500)}`))));
  });
}

export function backupPostgres(url: string, file: string): Promise<void> {
  return run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], url);
}

export async function restorePostgres(file: string, url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ tables }] = await client<{ tables: number }[]>`select count(*)::int as tables from information_schema.tables where table_schema in ('public', 'drizzle')`;
    if (tables > 0) throw new Error(`The database to restore into has ${tables} table(s): restore into a new, empty database, never over one.`);
  } finally {
    await client.end({ timeout: 5 });
  }
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${decodeURIComponent(new URL(url).pathname.slice(1))}`, file], url);
}
