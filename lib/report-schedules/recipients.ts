// Who a schedule goes to: Voronka users (each receives their own scope) and, added by an admin,
// e-mail addresses (they receive the scope of the schedule's creator). A director names people of
// their own department only.
import { and, eq, inArray, notInArray, or, isNull, isNotNull, sql } from "drizzle-orm";
import { reportRecipients, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, ValidationError } from "@/lib/errors";

export type RecipientsInput = { userIds: string[]; emails: string[] };
export type RecipientView = { id: string; userId: string | null; name: string | null; email: string; isUnsubscribed: boolean; /** "own": the person's own scope; "creator": the creator's */ scope: "own" | "creator" };

export async function checkRecipients(db: Db, creator: Pick<Viewer, "orgId" | "role" | "userId" | "departmentId">, input: RecipientsInput): Promise<void> {
  if (input.emails.length > 0 && creator.role !== "admin") {
    throw new ForbiddenError("Only an admin may send reports to e-mail addresses outside Voronka", { code: "report_schedule_emails_admin_only", field: "recipients.emails" });
  }
  if (input.userIds.length === 0) return;
  const found = await db
    .select({ id: users.id, departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, creator.orgId), eq(users.isActive, true), inArray(users.id, input.userIds)));
  const missing = input.userIds.filter((id) => !found.some((user) => user.id === id));
  if (missing.length > 0) {
    throw new ValidationError("A recipient is not an active user of this organisation", { code: "report_schedule_recipient_unknown", field: "recipients.userIds", params: { id: missing[0] } });
  }
  if (creator.role === "director" && found.some((user) => user.id !== creator.userId && user.departmentId !== creator.departmentId)) {
    throw new ForbiddenError("A director sends reports to people of their own department", { code: "report_schedule_recipient_outside", field: "recipients.userIds" });
  }
}

/** Makes the schedule's recipients exactly `input`; those kept keep their unsubscribe state. */
export async function setRecipients(db: Db, orgId: string, scheduleId: string, input: RecipientsInput): Promise<void> {
  const ofSchedule = eq(reportRecipients.scheduleId, scheduleId);
  const goneUsers = input.userIds.length ? and(isNotNull(reportRecipients.userId), notInArray(reportRecipients.userId, input.userIds)) : isNotNull(reportRecipients.userId);
  const goneEmails = input.emails.length ? and(isNotNull(reportRecipients.email), notInArray(sql`lower(${reportRecipients.email})`, input.emails)) : isNotNull(reportRecipients.email);
  await db.delete(reportRecipients).where(and(ofSchedule, or(goneUsers, goneEmails)));
  const rows = [...input.userIds.map((userId) => ({ orgId, scheduleId, userId })), ...input.emails.map((email) => ({ orgId, scheduleId, email }))];
  if (rows.length > 0) await db.insert(reportRecipients).values(rows).onConflictDoNothing();
}

export async function listRecipients(db: Db, scheduleIds: string[]): Promise<Map<string, RecipientView[]>> {
  const bySchedule = new Map<string, RecipientView[]>();
  if (scheduleIds.length === 0) return bySchedule;
  const rows = await db
    .select({ id: reportRecipients.id, scheduleId: reportRecipients.scheduleId, userId: reportRecipients.userId, name: users.name, userEmail: users.email, email: reportRecipients.email, unsubscribedAt: reportRecipients.unsubscribedAt })
    .from(reportRecipients)
    .leftJoin(users, eq(users.id, reportRecipients.userId))
    .where(and(inArray(reportRecipients.scheduleId, scheduleIds), or(isNull(reportRecipients.userId), eq(users.isActive, true))))
    .orderBy(sql`${users.name} nulls last`, reportRecipients.email);
  for (const row of rows) {
    const list = bySchedule.get(row.scheduleId) ?? [];
    list.push({ id: row.id, userId: row.userId, name: row.name, email: row.userEmail ?? row.email ?? "", isUnsubscribed: row.unsubscribedAt !== null, scope: row.userId ? "own" : "creator" });
    bySchedule.set(row.scheduleId, list);
  }
  return bySchedule;
}
