// The admin page's view of the outbox: the latest messages with their deal and team, and counts.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { deals, notificationOutbox, trafficTeams, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";

export const DELIVERY_STATUSES = ["pending", "failed", "dead", "sent"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryRow = {
  id: string;
  dealTitle: string;
  amount: string;
  currency: string;
  teamName: string | null;
  chatId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastFailure: RunFailure | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
};

export async function listDeliveries(db: Db, orgId: string, options: { statuses?: DeliveryStatus[]; limit?: number } = {}): Promise<DeliveryRow[]> {
  return db
    .select({
      id: notificationOutbox.id,
      dealTitle: deals.title,
      amount: deals.amount,
      currency: deals.currency,
      teamName: trafficTeams.name,
      chatId: notificationOutbox.chatId,
      status: notificationOutbox.status,
      attempts: notificationOutbox.attempts,
      lastError: notificationOutbox.lastError,
      lastFailure: notificationOutbox.lastFailure,
      nextAttemptAt: notificationOutbox.nextAttemptAt,
      sentAt: notificationOutbox.sentAt,
      createdAt: notificationOutbox.createdAt,
    })
    .from(notificationOutbox)
    .innerJoin(deals, eq(deals.id, notificationOutbox.dealId))
    .leftJoin(trafficTeams, eq(trafficTeams.id, deals.trafficTeamId))
    .where(and(eq(notificationOutbox.orgId, orgId), options.statuses?.length ? inArray(notificationOutbox.status, options.statuses) : undefined))
    .orderBy(desc(notificationOutbox.createdAt))
    .limit(options.limit ?? 50);
}

export async function countDeliveries(db: Db, orgId: string): Promise<Record<DeliveryStatus, number>> {
  const rows = await db
    .select({ status: notificationOutbox.status, n: count() })
    .from(notificationOutbox)
    .where(eq(notificationOutbox.orgId, orgId))
    .groupBy(notificationOutbox.status);
  const counts = { pending: 0, failed: 0, dead: 0, sent: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Admin → "Retry": a dead message goes back to the queue with a fresh set of attempts. */
export async function retryDeadNotifications(db: Db, orgId: string, id?: string): Promise<number> {
  const rows = await db
    .update(notificationOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
    .where(and(eq(notificationOutbox.orgId, orgId), eq(notificationOutbox.status, "dead"), id ? eq(notificationOutbox.id, id) : undefined))
    .returning({ id: notificationOutbox.id });
  return rows.length;
}
