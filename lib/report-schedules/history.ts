// A schedule's history: its latest messages, each with whom it went to and how it ended.
import { and, desc, eq } from "drizzle-orm";
import { reportDeliveries, reportRecipients, users, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { getSchedule } from "./schedules";

export type DeliveryRow = {
  id: string;
  runAt: Date;
  channel: "email" | "telegram";
  recipient: string | null;
  status: "pending" | "sent" | "failed" | "dead";
  attempts: number;
  lastFailure: RunFailure | null;
  sentAt: Date | null;
  createdAt: Date;
};

export async function listScheduleHistory(db: Db, viewer: Viewer, scheduleId: string, limit = 50): Promise<DeliveryRow[]> {
  const schedule = await getSchedule(db, viewer, scheduleId);
  const rows = await db
    .select({ delivery: reportDeliveries, userName: users.name, userEmail: users.email, email: reportRecipients.email })
    .from(reportDeliveries)
    .leftJoin(reportRecipients, eq(reportRecipients.id, reportDeliveries.recipientId))
    .leftJoin(users, eq(users.id, reportRecipients.userId))
    .where(and(eq(reportDeliveries.orgId, viewer.orgId), eq(reportDeliveries.scheduleId, schedule.id)))
    .orderBy(desc(reportDeliveries.createdAt), desc(reportDeliveries.runAt))
    .limit(limit);
  return rows.map(({ delivery: d, userName, userEmail, email }) => ({
    id: d.id,
    runAt: d.runAt,
    channel: d.channel,
    recipient: d.address ?? (userName ? `${userName} <${userEmail}>` : email) ?? (d.channel === "telegram" ? schedule.telegramChatId : null),
    status: d.status,
    attempts: d.attempts,
    lastFailure: d.lastFailure,
    sentAt: d.sentAt,
    createdAt: d.createdAt,
  }));
}
