// Liveness for load balancers and the e2e harness: database mode, applied migrations, and whether
// the database answers. No session needed; no secrets in the body.
import { getDbHandle } from "@/db/client";
import { countAppliedMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { errorForLog } from "@/lib/error-text";

export const dynamic = "force-dynamic";

export async function GET() {
  const mode = env.DATABASE_URL ? "postgres" : "pglite";
  try {
    const { db } = await getDbHandle();
    const migrations = await countAppliedMigrations(db);
    return Response.json({ status: "ok", database: { mode, reachable: true, migrations } });
  } catch (error) {
    console.error("[health] database check failed", errorForLog(error));
    // Anyone may call this: the folder and the process holding the embedded database go to the log only.
    const reason = error instanceof Error && error.name === "DatabaseInUseError" ? "the embedded database is in use by another process; the server log says which" : "the database did not answer";
    return Response.json({ status: "error", database: { mode, reachable: false, error: reason } }, { status: 503 });
  }
}
