// "Send test message": the sample sale, rendered with the saved template, sent at once (not through
// the outbox) to the fallback chat or a team's chat, with Telegram's answer returned word for word.
import { and, eq } from "drizzle-orm";
import { organisations, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCan } from "@/lib/auth/guards";
import { testTargetSchema } from "./schemas";
import { loadSendingSettings } from "./settings";
import { sendTelegramMessage, type TelegramOptions } from "./telegram";
import { renderSaleMessage, SAMPLE_SALE } from "./template";

export type TestMessageResult =
  | { ok: true; chatId: string }
  | { ok: false; problem: "no_token" | "token_unreadable" | "no_chat" | "team_not_found" }
  | { ok: false; problem: "telegram"; status: number | null; description: string; chatId: string };

export const TEST_MESSAGE_HEADER = { ru: "🧪 Тестовое сообщение Воронки. Так будет выглядеть продажа:", en: "🧪 A test message from Voronka. A sale will look like this:" };

export async function sendTestMessage(db: Db, viewer: Viewer, target: string, telegram?: TelegramOptions): Promise<TestMessageResult> {
  assertCan(viewer, "org:update");
  const parsedTarget = testTargetSchema.parse(target);
  const settings = await loadSendingSettings(db, viewer.orgId);
  if (!settings.token) return { ok: false, problem: settings.tokenProblem?.startsWith("No bot token") ? "no_token" : "token_unreadable" };
  let chatId = settings.fallbackChatId;
  let teamName = SAMPLE_SALE.teamName;
  if (parsedTarget !== "fallback") {
    const [team] = await db
      .select({ name: trafficTeams.name, chatId: trafficTeams.telegramChatId })
      .from(trafficTeams)
      .where(and(eq(trafficTeams.orgId, viewer.orgId), eq(trafficTeams.id, parsedTarget)));
    if (!team) return { ok: false, problem: "team_not_found" };
    chatId = team.chatId;
    teamName = team.name;
  }
  if (!chatId) return { ok: false, problem: "no_chat" };
  const [org] = await db.select({ locale: organisations.locale }).from(organisations).where(eq(organisations.id, viewer.orgId));
  const locale = org?.locale ?? "ru";
  const text = `${TEST_MESSAGE_HEADER[locale]}\n\n${renderSaleMessage(settings.template, { ...SAMPLE_SALE, teamName }, locale)}`;
  const result = await sendTelegramMessage({ token: settings.token, chatId, text }, telegram);
  if (result.ok) return { ok: true, chatId };
  return { ok: false, problem: "telegram", status: result.status, description: result.description, chatId };
}
