import { apiRoute, readJson } from "@/lib/api/handler";
import { listScheduleHistory } from "@/lib/report-schedules/history";
import { deleteSchedule, getSchedule, updateSchedule } from "@/lib/report-schedules/schedules";
import { updateScheduleSchema } from "@/lib/report-schedules/schemas";

/** The schedule and its history (the latest 50 messages). */
export const GET = apiRoute<{ id: string }>("schedules:manage", async ({ params, viewer, db }) => ({
  schedule: await getSchedule(db, viewer, params.id),
  history: await listScheduleHistory(db, viewer, params.id),
}));

export const PATCH = apiRoute<{ id: string }>("schedules:manage", async ({ request, params, viewer, db }) => ({
  schedule: await updateSchedule(db, viewer, params.id, await readJson(request, updateScheduleSchema)),
}));

export const DELETE = apiRoute<{ id: string }>("schedules:manage", async ({ params, viewer, db }) => {
  await deleteSchedule(db, viewer, params.id);
  return new Response(null, { status: 204 });
});
