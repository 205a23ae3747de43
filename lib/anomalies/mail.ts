// New anomalies by e-mail (SMTP_URL / MAIL_FROM, lib/mail), once per anomaly and person, to those
// who would see it in the Attention panel (the same scope rule, list.ts): an admin hears about every
// organisation series, a director about their department's series and their managers' activity.
// Managers get no e-mail, as the Telegram path sends them nothing. Queueing puts one row per person
// in anomaly_mails and stamps the anomaly; the drain claims due rows with the shared lease
// (lib/outbox/claim.ts) and sends them outside any transaction. An anomaly found more than two days
// ago when first queued (rows from before this feature, a demo's history), or found while the
// organisation has these e-mails turned off (/admin/notifications), is stamped with no mail; a person
// who turned them off for themselves (mail-preference.ts) is left out, and each message links there.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { anomalies, anomalyMails, notificationSettings, organisations, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import { isLastAttempt, retryDelayMs } from "@/lib/ingest/process/backoff";
import { mailConfig, sendMail, type MailConfig } from "@/lib/mail/mailer";
import { claimDueRows } from "@/lib/outbox/claim";
import { appUrl } from "@/lib/url/app-url";
import { selectLabelledAnomalies } from "./labelled";
import { anomalyUnsubscribeToken, anomalyUnsubscribeUrl } from "./mail-preference";
import { anomaliesVisibleTo } from "./list";
import { renderAnomalyMessage } from "./message";

/** Older than this when first queued: history, not news. */
export const MAIL_NEWS_WINDOW_MS = 2 * 24 * 60 * 60_000;
/** Who hears by e-mail; managers do not (their series reach management, as on Telegram). */
const MAIL_ROLES = ["admin", "director"] as const;
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export type MailOptions = { now?: Date; mail?: MailConfig | null; orgId?: string; budgetMs?: number };

/** Puts each new anomaly's messages in the outbox; returns how many messages were queued. */
export async function queueAnomalyMails(db: Db, orgId: string, options: Pick<MailOptions, "now" | "mail"> = {}): Promise<number> {
  const now = options.now ?? new Date();
  const fresh = await db
    .select({ id: anomalies.id, detectedAt: anomalies.detectedAt })
    .from(anomalies)
    .where(and(eq(anomalies.orgId, orgId), isNull(anomalies.mailQueuedAt)))
    .limit(500);
  if (fresh.length === 0) return 0;
  const config = options.mail === undefined ? mailConfig() : options.mail;
  const [settings] = await db.select({ anomalyEmails: notificationSettings.anomalyEmails }).from(notificationSettings).where(eq(notificationSettings.orgId, orgId));
  const news = config && (settings?.anomalyEmails ?? true) ? fresh.filter((row) => now.getTime() - row.detectedAt.getTime() <= MAIL_NEWS_WINDOW_MS).map((row) => row.id) : [];
  const rows: (typeof anomalyMails.$inferInsert)[] = [];
  if (news.length > 0) {
    const people = await db
      .select({ userId: users.id, orgId: users.orgId, role: users.role, departmentId: users.departmentId })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.isActive, true), eq(users.anomalyEmails, true), inArray(users.role, [...MAIL_ROLES])));
    for (const person of people) {
      const visible = await db
        .select({ id: anomalies.id })
        .from(anomalies)
        .where(and(anomaliesVisibleTo(scopeOf(person)), inArray(anomalies.id, news)));
      for (const { id } of visible) rows.push({ orgId, anomalyId: id, userId: person.userId, nextAttemptAt: now });
    }
  }
  await db.transaction(async (tx) => {
    if (rows.length > 0) await tx.insert(anomalyMails).values(rows).onConflictDoNothing();
    await tx
      .update(anomalies)
      .set({ mailQueuedAt: now })
      .where(inArray(anomalies.id, fresh.map((row) => row.id)));
  });
  return rows.length;
}

type Claimed = { id: string; attempts: number };
export type MailDrainResult = { sent: number; failed: number; dead: number };

/** Sends due messages until none is left or the budget is spent. */
export async function drainAnomalyMails(db: Db, options: MailOptions = {}): Promise<MailDrainResult> {
  const total: MailDrainResult = { sent: 0, failed: 0, dead: 0 };
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const config = options.mail === undefined ? mailConfig() : options.mail;
  for (let round = 0; round < 1000 && Date.now() < deadline; round++) {
    const now = options.now ?? new Date();
    const claimed = await claimDueRows<Claimed>(db, anomalyMails, { now, leaseMs: LEASE_MS, batchSize: BATCH, orgId: options.orgId, returning: sql`o.id, o.attempts` });
    if (claimed.length === 0) break;
    for (const row of claimed) total[await sendOne(db, row, config, now)]++;
  }
  return total;
}

async function sendOne(db: Db, claimed: Claimed, config: MailConfig | null, now: Date): Promise<keyof MailDrainResult> {
  const [row] = await selectLabelledAnomalies(db, { userId: users.id, email: users.email, isActive: users.isActive, wantsMail: users.anomalyEmails, userLocale: users.locale, orgLocale: organisations.locale })
    .innerJoin(anomalyMails, eq(anomalyMails.anomalyId, anomalies.id))
    .innerJoin(users, eq(users.id, anomalyMails.userId))
    .innerJoin(organisations, eq(organisations.id, anomalyMails.orgId))
    .where(eq(anomalyMails.id, claimed.id));
  const mark = (status: "sent" | "failed" | "dead", patch: Partial<typeof anomalyMails.$inferInsert>) =>
    db.update(anomalyMails).set({ status, ...patch }).where(eq(anomalyMails.id, claimed.id));
  if (!row || !row.isActive) {
    await mark("dead", { lastError: "The recipient is no longer an active user; nothing was sent" });
    return "dead";
  }
  if (!row.wantsMail) {
    await mark("dead", { lastError: "The recipient turned anomaly e-mails off; nothing was sent" });
    return "dead";
  }
  if (!config) {
    await mark("dead", { address: row.email, lastError: "E-mail is not configured: set SMTP_URL and MAIL_FROM" });
    return "dead";
  }
  const locale = row.userLocale ?? row.orgLocale;
  const text = renderAnomalyMessage({ ...row, label: row.manager ?? row.source ?? row.key }, locale);
  const subject = `Voronka: ${text.split("\n")[0].replace(/^⚠️\s*/, "")}`;
  const stop = anomalyUnsubscribeUrl(row.userId);
  const footer =
    locale === "ru"
      ? `Все аномалии — на главной: ${appUrl()}/overview\nНе присылать мне такие письма: ${stop}`
      : `All anomalies are on the Overview: ${appUrl()}/overview\nStop these e-mails for me: ${stop}`;
  const oneClick = `${appUrl()}/api/anomalies/unsubscribe?token=${encodeURIComponent(anomalyUnsubscribeToken(row.userId))}`;
  const headers = { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
  const result = await sendMail({ to: row.email, subject, text: `${text}\n\n${footer}`, headers }, config);
  if (result.ok) {
    await mark("sent", { address: row.email, sentAt: now, lastError: null });
    return "sent";
  }
  const error = `SMTP ${result.status ?? "unreachable"}: ${result.description}`;
  if (result.retryable && !isLastAttempt(claimed.attempts)) {
    await mark("failed", { address: row.email, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(claimed.attempts)) });
    return "failed";
  }
  await mark("dead", { address: row.email, lastError: error });
  return "dead";
}
