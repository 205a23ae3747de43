import { getDb } from "@/db/client";
import { refreshChurnScores } from "@/lib/customers/churn/score";
import { refreshInactiveCustomers } from "@/lib/customers/refresh-inactive";
import { drainInbox } from "@/lib/ingest/process/drain";
import { withCron } from "@/lib/ingest/with-cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Drains what the in-process kick missed (due retries, a killed instance); scheduled in vercel.json. */
export const GET = withCron(async () => {
  const db = await getDb();
  const result = await drainInbox(db, { budgetMs: 45_000 });
  await refreshInactiveCustomers(db);
  await refreshChurnScores(db);
  return Response.json(result);
});
