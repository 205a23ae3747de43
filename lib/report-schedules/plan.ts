// Turning schedules into messages: a schedule that came due gets one outbox row per recipient (or
// one for its Telegram chat) for that run, and its next run moves ahead — in one short transaction
// that skips schedules another instance is planning (SKIP LOCKED). A run missed while nothing was
// running (the server was down a week) is sent once, late, not once per missed day — and so is one
// missed while the organisation was suspended: its schedules are not planned until it is resumed.
import { and, eq, lte, sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { organisations, reportDeliveries, reportRecipients, reportSchedules } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { orgIsActive } from "@/lib/hosted/suspension";
import { nextRunAfter } from "./next-run";
import { getSchedule } from "./schedules";

type RunTarget = { id: string; orgId: string; channel: "email" | "telegram" };

/** Queues a run's messages; a run already queued (two planners, a double click) adds nothing. */
export async function enqueueRun(db: Db, schedule: RunTarget, runAt: Date): Promise<number> {
  if (schedule.channel === "telegram") {
    const rows = await db.insert(reportDeliveries).values({ orgId: schedule.orgId, scheduleId: schedule.id, runAt, channel: "telegram" }).onConflictDoNothing().returning({ id: reportDeliveries.id });
    return rows.length;
  }
  const rows = await selectRows<{ id: string }>(
    db,
    sql`
      insert into ${reportDeliveries} (org_id, schedule_id, recipient_id, run_at, channel)
      select org_id, schedule_id, id, ${runAt.toISOString()}::timestamptz, 'email'
      from ${reportRecipients}
      where schedule_id = ${schedule.id}::uuid and unsubscribed_at is null
      on conflict do nothing
      returning id`,
  );
  return rows.length;
}

/** Plans every schedule due at `now`; returns how many messages were queued. */
export async function planDueRuns(db: Db, now = new Date(), limit = 50): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ schedule: reportSchedules, timezone: organisations.timezone })
      .from(reportSchedules)
      .innerJoin(organisations, eq(organisations.id, reportSchedules.orgId))
      .where(and(eq(reportSchedules.isEnabled, true), lte(reportSchedules.nextRunAt, now), orgIsActive(reportSchedules.orgId)))
      .orderBy(reportSchedules.nextRunAt)
      .limit(limit)
      .for("update", { of: reportSchedules, skipLocked: true });
    let queued = 0;
    for (const { schedule, timezone } of due) {
      queued += await enqueueRun(tx, schedule, schedule.nextRunAt);
      const nextRunAt = nextRunAfter(schedule, timezone, now);
      await tx.update(reportSchedules).set({ nextRunAt, lastRunAt: schedule.nextRunAt }).where(eq(reportSchedules.id, schedule.id));
    }
    return queued;
  });
}

/** "Send now": a run at this moment, beside the schedule's own. */
export async function sendScheduleNow(db: Db, viewer: Viewer, id: string, now = new Date()): Promise<number> {
  const schedule = await getSchedule(db, viewer, id);
  return db.transaction(async (tx) => {
    const queued = await enqueueRun(tx, { id: schedule.id, orgId: viewer.orgId, channel: schedule.channel }, now);
    await writeAudit(tx, viewer, { action: "report_schedule.send", targetType: "report_schedule", targetId: schedule.id, details: { name: schedule.name, messages: queued } });
    return queued;
  });
}
