// The unsubscribe link of a scheduled report: works without signing in, so it carries its own
// proof — the recipient's id signed under AUTH_SECRET (lib/auth/signed-value.ts). It never expires:
// an old message's link still unsubscribes.
import { and, eq, isNull } from "drizzle-orm";
import { auditLog, reportRecipients, reportSchedules, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { signValue, verifySignedValue } from "@/lib/auth/signed-value";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";

const PURPOSE = "voronka:report-unsubscribe:v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function unsubscribeToken(recipientId: string, secret = env.AUTH_SECRET): string {
  return signValue(PURPOSE, recipientId, secret);
}

/** The recipient id a token names, or null for a damaged or forged one. */
export function verifyUnsubscribeToken(token: string, secret = env.AUTH_SECRET): string | null {
  const recipientId = verifySignedValue(PURPOSE, token, secret);
  return recipientId && UUID.test(recipientId) ? recipientId : null;
}

export type UnsubscribeTarget = { recipientId: string; orgId: string; scheduleId: string; scheduleName: string; email: string; isUnsubscribed: boolean };

/** What the link is for (the page shows it before the person confirms). */
export async function findUnsubscribeTarget(db: Db, token: string): Promise<UnsubscribeTarget> {
  const recipientId = verifyUnsubscribeToken(token);
  const invalid = () => new ValidationError("The unsubscribe link is damaged or forged", { code: "report_unsubscribe_invalid", field: "token" });
  if (!recipientId) throw invalid();
  const [row] = await db
    .select({ orgId: reportRecipients.orgId, scheduleId: reportRecipients.scheduleId, scheduleName: reportSchedules.name, email: reportRecipients.email, userEmail: users.email, unsubscribedAt: reportRecipients.unsubscribedAt })
    .from(reportRecipients)
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportRecipients.scheduleId))
    .leftJoin(users, eq(users.id, reportRecipients.userId))
    .where(eq(reportRecipients.id, recipientId));
  // A recipient removed since (or a deleted schedule) has nothing left to unsubscribe from.
  if (!row) throw invalid();
  return { recipientId, orgId: row.orgId, scheduleId: row.scheduleId, scheduleName: row.scheduleName, email: row.userEmail ?? row.email ?? "", isUnsubscribed: row.unsubscribedAt !== null };
}

/** Unsubscribes the link's recipient (again: a no-op) and notes it in the audit log. */
export async function unsubscribe(db: Db, token: string): Promise<UnsubscribeTarget> {
  const target = await findUnsubscribeTarget(db, token);
  if (target.isUnsubscribed) return target;
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(reportRecipients)
      .set({ unsubscribedAt: new Date() })
      .where(and(eq(reportRecipients.id, target.recipientId), isNull(reportRecipients.unsubscribedAt)))
      .returning({ id: reportRecipients.id });
    if (changed.length === 0) return;
    await tx.insert(auditLog).values({ orgId: target.orgId, userId: null, action: "report_schedule.unsubscribe", targetType: "report_schedule", targetId: target.scheduleId, details: { email: target.email } });
  });
  return { ...target, isUnsubscribed: true };
}
