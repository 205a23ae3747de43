import { getDb } from "@/db/client";
import { withCron } from "@/lib/ingest/with-cron";
import { syncAllSources } from "@/lib/sync/schedule";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * The nightly full pass: everything is read again and rows gone from the CRM are marked deleted.
 * A big account takes several calls; each continues the pass from its cursor.
 */
export const GET = withCron(async () => Response.json({ results: await syncAllSources(await getDb(), { mode: "full", budgetMs: 270_000 }) }));
