import { getDb } from "@/db/client";
import { currentAiConfig } from "@/lib/ai/config";
import { drainAnalysisJobs } from "@/lib/ai/queue";
import { withCron } from "@/lib/ingest/with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Analyses the queued conversation texts that are due (vercel.json; docs/ai.md). */
export const GET = withCron(async () => {
  const result = await drainAnalysisJobs(await getDb(), { config: currentAiConfig(), budgetMs: 45_000 });
  return Response.json(result);
});
