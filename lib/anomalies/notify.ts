// New anomalies to Telegram, once each, through the organisation's sale-notification settings
// (lib/notifications): a utm_source that is a traffic team's own code goes to the team's chat, any
// other anomaly to the fallback chat. A department's series and a manager's series name the
// department, so a director's chat hears about theirs. A row is tried a few times on Telegram's
// "try again later", then marked dead; with notifications off (or no chat) it is marked skipped,
// so turning them on later does not flood the chat with old anomalies.
import { and, asc, eq, inArray } from "drizzle-orm";
import { anomalies, organisations, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import { loadSendingSettings } from "@/lib/notifications/settings";
import { sendTelegramMessage, type TelegramOptions } from "@/lib/notifications/telegram";
import { selectLabelledAnomalies } from "./labelled";
import { renderAnomalyMessage } from "./message";

const MAX_ATTEMPTS = 5;
const BATCH = 20;

export type NotifyResult = { sent: number; skipped: number; dead: number; failed: number };

export async function notifyAnomalies(db: Db, orgId: string, options: { telegram?: TelegramOptions; now?: Date } = {}): Promise<NotifyResult> {
  const result: NotifyResult = { sent: 0, skipped: 0, dead: 0, failed: 0 };
  const pending = await selectLabelledAnomalies(db, { id: anomalies.id, attempts: anomalies.notifyAttempts })
    .where(and(eq(anomalies.orgId, orgId), eq(anomalies.notifyStatus, "pending")))
    .orderBy(asc(anomalies.detectedAt))
    .limit(BATCH);
  if (pending.length === 0) return result;
  const settings = await loadSendingSettings(db, orgId);
  const [org] = await db.select({ locale: organisations.locale }).from(organisations).where(eq(organisations.id, orgId));
  const teamChats = new Map(
    (await db.select({ code: trafficTeams.primarySourceCode, chat: trafficTeams.telegramChatId }).from(trafficTeams).where(and(eq(trafficTeams.orgId, orgId), eq(trafficTeams.isActive, true))))
      .filter((team) => team.code && team.chat)
      .map((team) => [team.code!.trim().toLowerCase(), team.chat!]),
  );
  const mark = (ids: string[], status: "sent" | "dead" | "skipped" | "pending", error: string | null, attempts?: number) =>
    db
      .update(anomalies)
      .set({ notifyStatus: status, notifyError: error, ...(attempts === undefined ? {} : { notifyAttempts: attempts }), ...(status === "sent" ? { notifiedAt: options.now ?? new Date() } : {}) })
      .where(inArray(anomalies.id, ids));
  if (!settings.isEnabled || !settings.token) {
    await mark(pending.map((row) => row.id), "skipped", settings.isEnabled ? settings.tokenProblem : "Notifications are turned off");
    return { ...result, skipped: pending.length };
  }
  for (const row of pending) {
    const chatId = (row.type === "leads_utm" ? teamChats.get(row.key.trim().toLowerCase()) : undefined) ?? settings.fallbackChatId;
    if (!chatId) {
      await mark([row.id], "skipped", "No chat: no team chat for this series and no fallback chat is set");
      result.skipped++;
      continue;
    }
    const text = renderAnomalyMessage({ ...row, label: row.manager ?? row.source ?? row.key }, org?.locale ?? "ru");
    const outcome = await sendTelegramMessage({ token: settings.token, chatId, text }, options.telegram);
    if (outcome.ok) {
      await mark([row.id], "sent", null, row.attempts + 1);
      result.sent++;
    } else if (!outcome.retryable || row.attempts + 1 >= MAX_ATTEMPTS) {
      await mark([row.id], "dead", `Telegram ${outcome.status ?? "unreachable"}: ${outcome.description}`, row.attempts + 1);
      result.dead++;
    } else {
      await mark([row.id], "pending", `Telegram ${outcome.status ?? "unreachable"}: ${outcome.description}`, row.attempts + 1);
      result.failed++;
      break; // Telegram asked to wait: the next pass tries again
    }
  }
  return result;
}
