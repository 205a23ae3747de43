import { getDb } from "@/db/client";
import { detectAllOrgs } from "@/lib/anomalies/background";
import { withCron } from "@/lib/ingest/with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Judges each organisation's daily series again (when its last pass is an hour old) and sends new anomalies (vercel.json). */
export const GET = withCron(async () => Response.json(await detectAllOrgs(getDb, { budgetMs: 45_000 })));
