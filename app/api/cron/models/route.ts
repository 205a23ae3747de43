import { getDb } from "@/db/client";
import { withCron } from "@/lib/ingest/with-cron";
import { upkeepAllModels } from "@/lib/predict/background";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Retrains day-old win-probability models and scores stale open deals, where no process stays up (vercel.json; docs/models.md). */
export const GET = withCron(async () => Response.json(await upkeepAllModels(await getDb(), { budgetMs: 45_000 })));
