import { getDb } from "@/db/client";
import { withCron } from "@/lib/ingest/with-cron";
import { runAllWriteBacks } from "@/lib/write-back/manage";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Queues what changed for every source with write-back on, then sends what is due (vercel.json). */
export const GET = withCron(async () => {
  return Response.json(await runAllWriteBacks(await getDb(), { budgetMs: 45_000 }));
});
