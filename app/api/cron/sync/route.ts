import { getDb } from "@/db/client";
import { withCron } from "@/lib/ingest/with-cron";
import { syncAllSources } from "@/lib/sync/schedule";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** Incremental sync of every source within a budget; what is left continues on the next call (vercel.json). */
export const GET = withCron(async () => Response.json({ results: await syncAllSources(await getDb(), { mode: "incremental", budgetMs: 240_000 }) }));
