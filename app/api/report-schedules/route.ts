// Scheduled reports (docs/schedules.md, docs/api.md "Scheduled reports API"): admins see and manage
// every schedule of the organisation, directors their own.
import { apiRoute, readJson } from "@/lib/api/handler";
import { createSchedule, listSchedules } from "@/lib/report-schedules/schedules";
import { createScheduleSchema } from "@/lib/report-schedules/schemas";

export const GET = apiRoute("schedules:manage", async ({ viewer, db }) => ({ schedules: await listSchedules(db, viewer) }));

export const POST = apiRoute("schedules:manage", async ({ request, viewer, db }) => {
  const schedule = await createSchedule(db, viewer, await readJson(request, createScheduleSchema));
  return Response.json({ schedule }, { status: 201 });
});
