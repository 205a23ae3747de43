// Reading and saving an organisation's notification settings. The bot token is stored encrypted
// and never leaves this module except to the Telegram client; the page only learns whether one is set.
import { eq } from "drizzle-orm";
import { notificationSettings } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ValidationError } from "@/lib/errors";
import { decryptText, encryptText } from "@/lib/sources/crypto";
import { writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/guards";
import { notificationSettingsSchema, type NotificationSettingsInput } from "./schemas";
import { DEFAULT_TEMPLATES } from "./template";

export type NotificationSettingsView = {
  isEnabled: boolean;
  hasBotToken: boolean;
  fallbackChatId: string | null;
  template: string | null;
  /** Anomaly alerts by e-mail (docs/anomalies.md#e-mail). */
  anomalyEmails: boolean;
};

const NONE: NotificationSettingsView = { isEnabled: false, hasBotToken: false, fallbackChatId: null, template: null, anomalyEmails: true };

export async function getNotificationSettings(db: Db, orgId: string): Promise<NotificationSettingsView> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.orgId, orgId));
  if (!row) return NONE;
  return { isEnabled: row.isEnabled, hasBotToken: row.botTokenEncrypted !== null, fallbackChatId: row.fallbackChatId, template: row.template, anomalyEmails: row.anomalyEmails };
}

export async function saveNotificationSettings(db: Db, viewer: Viewer, input: NotificationSettingsInput): Promise<NotificationSettingsView> {
  assertCan(viewer, "org:update");
  const parsed = notificationSettingsSchema.parse(input);
  // The default text saved unchanged stays "the default", so it follows the organisation's language.
  const template = parsed.template?.trim() === DEFAULT_TEMPLATES[viewer.org.locale] ? null : parsed.template;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(notificationSettings).where(eq(notificationSettings.orgId, viewer.orgId)).for("update");
    const botTokenEncrypted = parsed.botToken ? encryptText(parsed.botToken) : parsed.clearBotToken ? null : (current?.botTokenEncrypted ?? null);
    if (parsed.isEnabled && !botTokenEncrypted) throw new ValidationError("Set the bot token before turning notifications on", { code: "bot_token_required", field: "isEnabled" });
    const anomalyEmails = parsed.anomalyEmails ?? current?.anomalyEmails ?? true;
    const values = { isEnabled: parsed.isEnabled, botTokenEncrypted, fallbackChatId: parsed.fallbackChatId ?? null, template, anomalyEmails, updatedAt: new Date() };
    await tx.insert(notificationSettings).values({ orgId: viewer.orgId, ...values }).onConflictDoUpdate({ target: notificationSettings.orgId, set: values });
    // The log says that the token changed, never what it is.
    const token = parsed.botToken ? "replaced" : parsed.clearBotToken && current?.botTokenEncrypted ? "cleared" : "kept";
    await writeAudit(tx, viewer, {
      action: "notifications.update",
      targetType: "organisation",
      targetId: viewer.orgId,
      details: { isEnabled: values.isEnabled, fallbackChatId: values.fallbackChatId, template: values.template === null ? "default" : "custom", botToken: token, anomalyEmails },
    });
    return { isEnabled: values.isEnabled, hasBotToken: botTokenEncrypted !== null, fallbackChatId: values.fallbackChatId, template: values.template, anomalyEmails };
  });
}

/** What the worker needs to send: the decrypted token (or why it cannot be had) and the fallback chat. */
/** tokenProblemCode: the same problem as an error code, for the delivery's stored failure. */
export type SendingSettings = {
  isEnabled: boolean;
  token: string | null;
  tokenProblem: string | null;
  tokenProblemCode: "notification_no_token" | "notification_token_unreadable" | null;
  fallbackChatId: string | null;
  template: string | null;
};

export async function loadSendingSettings(db: Db, orgId: string): Promise<SendingSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.orgId, orgId));
  if (!row) return { isEnabled: false, token: null, tokenProblem: "No bot token is set", tokenProblemCode: "notification_no_token", fallbackChatId: null, template: null };
  let token: string | null = null;
  let tokenProblem: string | null = row.botTokenEncrypted ? null : "No bot token is set";
  let tokenProblemCode: SendingSettings["tokenProblemCode"] = row.botTokenEncrypted ? null : "notification_no_token";
  if (row.botTokenEncrypted) {
    try {
      token = decryptText(row.botTokenEncrypted);
    } catch {
      tokenProblem = "The stored bot token cannot be read (ENCRYPTION_KEY is unset or was changed); set the token again";
      tokenProblemCode = "notification_token_unreadable";
    }
  }
  return { isEnabled: row.isEnabled, token, tokenProblem, tokenProblemCode, fallbackChatId: row.fallbackChatId, template: row.template };
}
