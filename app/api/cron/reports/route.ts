import { getDb } from "@/db/client";
import { withCron } from "@/lib/ingest/with-cron";
import { runReportsOnce } from "@/lib/report-schedules/scheduler";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Plans the scheduled reports that came due and sends the outbox's due messages (vercel.json; docs/schedules.md). */
export const GET = withCron(async () => Response.json(await runReportsOnce(await getDb(), { budgetMs: 45_000 })));
