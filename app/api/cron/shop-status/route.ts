import { getDb } from "@/db/client";
import { withCron } from "@/lib/ingest/with-cron";
import { drainShopStatusCallbacks } from "@/lib/shop-status/deliver";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Sends the shop statuses that are due: new ones and retries (vercel.json, every minute). */
export const GET = withCron(async () => Response.json(await drainShopStatusCallbacks(await getDb(), { budgetMs: 45_000 })));
