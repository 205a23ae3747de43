// A person's own switch for anomaly e-mails, under the organisation's (/admin/notifications): set in
// the Overview's Attention panel, or turned off from a message's link without signing in. The link
// carries its own proof — the user's id signed under AUTH_SECRET for this purpose only
// (lib/auth/signed-value.ts) — and never expires, so an old message's link still works.
import { and, eq } from "drizzle-orm";
import { auditLog, notificationSettings, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { signValue, verifySignedValue } from "@/lib/auth/signed-value";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { mailConfig } from "@/lib/mail/mailer";
import { ValidationError } from "@/lib/errors";
import { appUrl } from "@/lib/url/app-url";

const PURPOSE = "voronka:anomaly-unsubscribe:v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function anomalyUnsubscribeToken(userId: string, secret = env.AUTH_SECRET): string {
  return signValue(PURPOSE, userId, secret);
}

/** The page a message's link opens: it asks before turning anything off (mail scanners open links). */
export function anomalyUnsubscribeUrl(userId: string): string {
  return `${appUrl()}/unsubscribe?anomalies=${encodeURIComponent(anomalyUnsubscribeToken(userId))}`;
}

export type AnomalyMailTarget = { userId: string; orgId: string; email: string; enabled: boolean };

/** Whose e-mails a link turns off (the page shows it before the person confirms). */
export async function findAnomalyMailTarget(db: Db, token: string): Promise<AnomalyMailTarget> {
  const userId = verifySignedValue(PURPOSE, token);
  const invalid = () => new ValidationError("The unsubscribe link is damaged or forged", { code: "anomaly_unsubscribe_invalid", field: "token" });
  if (!userId || !UUID.test(userId)) throw invalid();
  const [row] = await db.select({ orgId: users.orgId, email: users.email, enabled: users.anomalyEmails }).from(users).where(eq(users.id, userId));
  // A person deleted since has nothing left to turn off.
  if (!row) throw invalid();
  return { userId, ...row };
}

/** Turns the link's person's anomaly e-mails off (again: a no-op) and notes it in the audit log. */
export async function unsubscribeFromAnomalyMails(db: Db, token: string): Promise<AnomalyMailTarget> {
  const target = await findAnomalyMailTarget(db, token);
  await setAnomalyEmails(db, { userId: target.userId, orgId: target.orgId, actorId: null }, false);
  return { ...target, enabled: false };
}

export type AnomalyMailPreference = {
  /** The person's own switch. */
  enabled: boolean;
  /** Why nothing would be sent whatever the switch says, or null when messages go out. */
  blockedBy: "organisation" | "no_smtp" | null;
};

export async function getAnomalyMailPreference(db: Db, viewer: Pick<Viewer, "userId" | "orgId">): Promise<AnomalyMailPreference> {
  const [person] = await db.select({ enabled: users.anomalyEmails }).from(users).where(eq(users.id, viewer.userId));
  const [settings] = await db.select({ anomalyEmails: notificationSettings.anomalyEmails }).from(notificationSettings).where(eq(notificationSettings.orgId, viewer.orgId));
  const blockedBy = (settings?.anomalyEmails ?? true) === false ? "organisation" : mailConfig() ? null : "no_smtp";
  return { enabled: person?.enabled ?? true, blockedBy };
}

/** Sets the switch; a change is audited as anomaly_emails.on / .off (by the person, or by a link: no actor). */
export async function setAnomalyEmails(db: Db, who: { userId: string; orgId: string; actorId: string | null }, enabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ anomalyEmails: enabled })
      .where(and(eq(users.id, who.userId), eq(users.orgId, who.orgId), eq(users.anomalyEmails, !enabled)))
      .returning({ id: users.id });
    if (changed.length === 0) return;
    await tx.insert(auditLog).values({ orgId: who.orgId, userId: who.actorId, action: enabled ? "anomaly_emails.on" : "anomaly_emails.off", targetType: "user", targetId: who.userId, details: { via: who.actorId ? "panel" : "link" } });
  });
}
