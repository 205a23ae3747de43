// The outbox worker. A short statement claims a batch of due rows and leases them
// (lib/outbox/claim.ts, shared with scheduled reports); the messages are sent outside any
// transaction (one open across an HTTP call would stall PGlite's single connection), and each row
// then records its outcome. Several instances drain side by side; a process killed mid-send leaves its
// rows to come due again when the lease ends (at least once, like Telegram's own delivery).
import { eq, inArray, sql } from "drizzle-orm";
import { notificationOutbox, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import { claimDueRows } from "@/lib/outbox/claim";
import { isLastAttempt, retryDelayMs } from "@/lib/ingest/process/backoff";
import { loadDealsForMessages, type DealForMessage } from "./sale-facts";
import { loadSendingSettings, type SendingSettings } from "./settings";
import { sendTelegramMessage, type TelegramOptions } from "./telegram";
import { renderSaleMessage } from "./template";

export type DeliverOptions = {
  /** The clock; tests move it forward to make a retry due. */
  now?: () => Date;
  budgetMs?: number;
  batchSize?: number;
  orgId?: string;
  telegram?: TelegramOptions;
};
export type DeliverCounts = { sent: number; failed: number; dead: number };
export type DeliverResult = DeliverCounts & { exhausted: boolean };

/** Long enough for a whole batch to time out one by one (10 × 10 s) before another worker may retake it. */
const LEASE_MS = 3 * 60_000;
const DEFAULT_BATCH = 10;

type Claimed = { id: string; orgId: string; dealId: string; attempts: number };
type Outcome =
  | { status: "sent"; chatId: string }
  // error: the English text for logs and the API; failure: the same as a code, for the admin's language
  | { status: "failed" | "dead"; chatId: string | null; error: string; failure: RunFailure; retryAt?: Date; isFloodWait?: boolean }
  | { status: "postponed"; retryAt: Date };

export async function drainNotifications(db: Db, options: DeliverOptions = {}): Promise<DeliverResult> {
  const clock = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const total: DeliverCounts = { sent: 0, failed: 0, dead: 0 };
  while (Date.now() < deadline) {
    const claimed = await claimDue(db, clock(), options);
    if (claimed.length === 0) return { ...total, exhausted: false };
    const dealsById = await loadDealsForMessages(db, [...new Set(claimed.map((row) => row.dealId))]);
    const settingsByOrg = new Map<string, Promise<SendingSettings>>();
    // Telegram's flood control is per bot, i.e. per organisation: after a 429 the rest of that
    // organisation's batch waits for retry_after without spending an attempt.
    const floodUntil = new Map<string, Date>();
    for (const row of claimed) {
      if (!settingsByOrg.has(row.orgId)) settingsByOrg.set(row.orgId, loadSendingSettings(db, row.orgId));
      const waitUntil = floodUntil.get(row.orgId);
      const outcome = waitUntil
        ? ({ status: "postponed", retryAt: waitUntil } as const)
        : await deliverOne(row, dealsById.get(row.dealId), await settingsByOrg.get(row.orgId)!, clock(), options.telegram);
      if (outcome.status === "failed" && outcome.isFloodWait && outcome.retryAt) floodUntil.set(row.orgId, outcome.retryAt);
      await record(db, row, outcome, clock());
      if (outcome.status !== "postponed") total[outcome.status]++;
    }
  }
  return { ...total, exhausted: true };
}

function claimDue(db: Db, now: Date, options: DeliverOptions): Promise<Claimed[]> {
  return claimDueRows<Claimed>(db, notificationOutbox, {
    now,
    leaseMs: LEASE_MS,
    batchSize: options.batchSize ?? DEFAULT_BATCH,
    orgId: options.orgId,
    returning: sql`o.id, o.org_id as "orgId", o.deal_id as "dealId", o.attempts`,
  });
}

async function deliverOne(row: Claimed, deal: DealForMessage | undefined, settings: SendingSettings, now: Date, telegram?: TelegramOptions): Promise<Outcome> {
  const dead = (error: string, failure: RunFailure, chatId: string | null = null): Outcome => ({ status: "dead", chatId, error, failure });
  if (!deal || deal.isDeleted) return dead("The deal was deleted; nothing was sent", { code: "notification_deal_deleted" });
  if (!deal.isWon) return dead("The deal is no longer won; nothing was sent", { code: "notification_deal_not_won" });
  if (!settings.isEnabled) return dead("Notifications are turned off; nothing was sent", { code: "notification_disabled" });
  if (!settings.token) return dead(settings.tokenProblem ?? "No bot token is set", { code: settings.tokenProblemCode ?? "notification_no_token" });
  const chatId = deal.teamChatId ?? settings.fallbackChatId;
  if (!chatId) {
    return dead(
      deal.teamName
        ? `No chat: the team «${deal.teamName}» has no Telegram chat and no fallback chat is set`
        : "No chat: the deal has no traffic team and no fallback chat is set",
      { code: "notification_no_chat", ...(deal.teamName ? { params: { team: deal.teamName } } : {}) },
    );
  }
  const text = renderSaleMessage(settings.template, deal, deal.locale);
  const result = await sendTelegramMessage({ token: settings.token, chatId, text }, telegram);
  if (result.ok) return { status: "sent", chatId };
  const error = `Telegram ${result.status ?? "unreachable"}: ${result.description}`;
  const failure: RunFailure = { code: "notification_telegram_failed", params: { status: result.status ?? "—" }, details: result.description };
  if (!result.retryable || isLastAttempt(row.attempts)) return dead(error, failure, chatId);
  const delayMs = result.retryAfterSeconds !== null ? result.retryAfterSeconds * 1000 : retryDelayMs(row.attempts);
  return { status: "failed", chatId, error, failure, retryAt: new Date(now.getTime() + delayMs), isFloodWait: result.status === 429 };
}

function record(db: Db, row: Claimed, outcome: Outcome, now: Date) {
  const where = eq(notificationOutbox.id, row.id);
  if (outcome.status === "postponed") {
    // Not tried: the claim's attempt is given back.
    return db.update(notificationOutbox).set({ attempts: row.attempts - 1, nextAttemptAt: outcome.retryAt }).where(where);
  }
  if (outcome.status === "sent") {
    return db.update(notificationOutbox).set({ status: "sent", chatId: outcome.chatId, sentAt: now, lastError: null, lastFailure: null }).where(where);
  }
  return db
    .update(notificationOutbox)
    .set({ status: outcome.status, chatId: outcome.chatId, lastError: outcome.error, lastFailure: outcome.failure, nextAttemptAt: outcome.retryAt ?? now })
    .where(where);
}

/** The ids among `ids` that this connection can see, i.e. whose enqueueing transaction committed. */
export async function committedOutboxIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: notificationOutbox.id }).from(notificationOutbox).where(inArray(notificationOutbox.id, ids));
  return rows.map((row) => row.id);
}
