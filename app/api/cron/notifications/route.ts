import { getDb } from "@/db/client";
import { withCron } from "@/lib/ingest/with-cron";
import { drainNotifications } from "@/lib/notifications/deliver";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Sends the sale messages that are due: what the in-process kick missed, and retries (vercel.json). */
export const GET = withCron(async () => {
  const result = await drainNotifications(await getDb(), { budgetMs: 45_000 });
  return Response.json(result);
});
