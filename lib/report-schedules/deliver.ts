// The scheduled reports' outbox worker, on the notifications' pattern: claim due rows with the
// shared lease (lib/outbox/claim.ts), build and send each message outside any transaction, record
// the outcome. Failures that may pass (a 4xx from the SMTP server, a network error, Telegram's 429
// or 5xx) are retried on the inbox's back-off; the rest end as "dead" with a code the page translates.
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { reportDeliveries, reportRecipients, reportSchedules, savedViews, users, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import { loadViewer } from "@/lib/auth/viewer";
import { errorMessage } from "@/lib/error-text";
import { isLastAttempt, retryDelayMs } from "@/lib/ingest/process/backoff";
import { mailConfig, sendMail, type MailConfig } from "@/lib/mail/mailer";
import { loadSendingSettings } from "@/lib/notifications/settings";
import { sendTelegramMessage, type TelegramOptions } from "@/lib/notifications/telegram";
import { claimDueRows } from "@/lib/outbox/claim";
import type { SavedViewKind } from "@/lib/saved-views/dashboards";
import { appUrl } from "@/lib/url/app-url";
import { composeReport } from "./compose";
import type { ReportFormat } from "./schemas";
import { unsubscribeToken } from "./unsubscribe";

export type ReportDeliverOptions = { now?: () => Date; budgetMs?: number; batchSize?: number; orgId?: string; mail?: MailConfig | null; telegram?: TelegramOptions };
export type ReportDeliverResult = { sent: number; failed: number; dead: number; exhausted: boolean };

/** Building a PDF and an XLSX per recipient takes a while: a batch of 5 stays well inside the lease. */
const LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 5;

type Claimed = { id: string; attempts: number };
type Outcome = { status: "sent"; address: string } | { status: "failed" | "dead"; address: string | null; error: string; failure: RunFailure; retryAt?: Date };

export async function drainReportDeliveries(db: Db, options: ReportDeliverOptions = {}): Promise<ReportDeliverResult> {
  const clock = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const total = { sent: 0, failed: 0, dead: 0 };
  while (Date.now() < deadline) {
    const claimed = await claimDueRows<Claimed>(db, reportDeliveries, {
      now: clock(),
      leaseMs: LEASE_MS,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      orgId: options.orgId,
      returning: sql`o.id, o.attempts`,
    });
    if (claimed.length === 0) return { ...total, exhausted: false };
    for (const row of claimed) {
      let outcome: Outcome;
      try {
        outcome = await deliverOne(db, row, clock(), options);
      } catch (error) {
        // A report that cannot be built will not build on the next try either.
        outcome = { status: "dead", address: null, error: `The report could not be built: ${errorMessage(error)}`, failure: { code: "report_render_failed", details: errorMessage(error) } };
      }
      await record(db, row.id, outcome, clock());
      total[outcome.status]++;
    }
  }
  return { ...total, exhausted: true };
}

const creators = alias(users, "creator");

async function loadContext(db: Db, id: string) {
  const [row] = await db
    .select({ delivery: reportDeliveries, schedule: reportSchedules, recipient: reportRecipients, creatorName: creators.name, view: { dashboard: savedViews.dashboard, query: savedViews.query } })
    .from(reportDeliveries)
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportDeliveries.scheduleId))
    .innerJoin(creators, eq(creators.id, reportSchedules.createdBy))
    .leftJoin(reportRecipients, eq(reportRecipients.id, reportDeliveries.recipientId))
    .leftJoin(savedViews, eq(savedViews.id, reportSchedules.viewId))
    .where(eq(reportDeliveries.id, id));
  return row;
}

async function deliverOne(db: Db, claimed: Claimed, now: Date, options: ReportDeliverOptions): Promise<Outcome> {
  const context = await loadContext(db, claimed.id);
  const { schedule, recipient } = context;
  const dead = (error: string, failure: RunFailure, address: string | null = null): Outcome => ({ status: "dead", address, error, failure });
  // Each Voronka user their own scope; an outside address and a chat the creator's.
  const isCreatorScope = !recipient?.userId;
  const viewer = await loadViewer(db, recipient?.userId ?? schedule.createdBy);
  if (!viewer || recipient?.unsubscribedAt) return dead("The recipient or the schedule's author is disabled, or unsubscribed; nothing was sent", { code: "report_recipient_inactive" });
  const locale = isCreatorScope ? viewer.org.locale : (viewer.locale ?? viewer.org.locale);
  const dashboard = (context.view?.dashboard ?? schedule.dashboard) as SavedViewKind;
  const query = context.view?.query ?? schedule.query;
  const token = recipient ? encodeURIComponent(unsubscribeToken(recipient.id)) : null;
  const unsubscribe = token ? `${appUrl()}/unsubscribe?token=${token}` : null;
  const message = await composeReport({
    db,
    viewer,
    isCreatorScope,
    recipientName: isCreatorScope ? null : viewer.name,
    locale,
    schedule: { name: schedule.name, dashboard, query, formats: schedule.formats as ReportFormat[], creatorName: context.creatorName },
    unsubscribeUrl: unsubscribe,
    now,
  });
  const retry = (address: string, error: string, failure: RunFailure, retryable: boolean, delayMs = retryDelayMs(claimed.attempts)): Outcome =>
    retryable && !isLastAttempt(claimed.attempts) ? { status: "failed", address, error, failure, retryAt: new Date(now.getTime() + delayMs) } : dead(error, failure, address);

  if (context.delivery.channel === "telegram") {
    const chatId = schedule.telegramChatId ?? "";
    const settings = await loadSendingSettings(db, schedule.orgId);
    if (!settings.token) return dead(settings.tokenProblem ?? "No bot token is set", { code: settings.tokenProblemCode ?? "notification_no_token" }, chatId);
    const result = await sendTelegramMessage({ token: settings.token, chatId, text: `${message.subject}\n\n${message.text}` }, options.telegram);
    if (result.ok) return { status: "sent", address: chatId };
    const failure: RunFailure = { code: "notification_telegram_failed", params: { status: result.status ?? "—" }, details: result.description };
    return retry(chatId, `Telegram ${result.status ?? "unreachable"}: ${result.description}`, failure, result.retryable, result.retryAfterSeconds !== null ? result.retryAfterSeconds * 1000 : undefined);
  }

  const address = recipient?.userId ? viewer.email : (recipient?.email ?? "");
  const config = options.mail === undefined ? mailConfig() : options.mail;
  if (!config) return dead("E-mail is not configured: set SMTP_URL and MAIL_FROM", { code: "report_mail_not_configured" }, address);
  // RFC 8058 one-click: mail clients POST to the API; the link in the body opens a page that asks first.
  const headers: Record<string, string> = token ? { "List-Unsubscribe": `<${appUrl()}/api/report-schedules/unsubscribe?token=${token}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {};
  const result = await sendMail({ to: address, subject: message.subject, text: message.text, attachments: message.attachments, headers }, config);
  if (result.ok) return { status: "sent", address };
  return retry(address, `SMTP ${result.status ?? "unreachable"}: ${result.description}`, { code: "report_mail_failed", params: { status: result.status ?? "—" }, details: result.description }, result.retryable);
}

function record(db: Db, id: string, outcome: Outcome, now: Date) {
  const where = eq(reportDeliveries.id, id);
  if (outcome.status === "sent") {
    return db.update(reportDeliveries).set({ status: "sent", address: outcome.address, sentAt: now, lastError: null, lastFailure: null }).where(where);
  }
  return db
    .update(reportDeliveries)
    .set({ status: outcome.status, address: outcome.address, lastError: outcome.error, lastFailure: outcome.failure, nextAttemptAt: outcome.retryAt ?? now })
    .where(where);
}
