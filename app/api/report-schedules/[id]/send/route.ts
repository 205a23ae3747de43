// "Send now": a run of the schedule at this moment; the in-process scheduler (if this instance runs
// one) sends it at once, otherwise the next worker tick or cron call does.
import { apiRoute } from "@/lib/api/handler";
import { sendScheduleNow } from "@/lib/report-schedules/plan";
import { kickReports } from "@/lib/report-schedules/scheduler";

export const POST = apiRoute<{ id: string }>("schedules:manage", async ({ params, viewer, db }) => {
  const queued = await sendScheduleNow(db, viewer, params.id);
  kickReports();
  return Response.json({ queued }, { status: 202 });
});
