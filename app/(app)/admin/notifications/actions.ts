"use server";
import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { notificationsMessages, type NotificationsMessages } from "@/lib/i18n/notifications-messages";
import { retryDeadNotifications } from "@/lib/notifications/deliveries";
import { kickNotifications } from "@/lib/notifications/kick";
import { sendTestMessage } from "@/lib/notifications/send-test";
import { saveNotificationSettings } from "@/lib/notifications/settings";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, unknownPlaceholders } from "@/lib/notifications/template";
import type { Locale } from "@/lib/format";
import { errorText } from "@/lib/i18n/describe-error";
import { describeFormError, textValues, type FormState } from "../form-state";

const PAGE = "/admin/notifications";

export async function saveNotificationSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("org:update");
  const locale = await resolveLocale(viewer);
  const t = notificationsMessages[locale];
  // What was typed goes back after a refusal; the token never does.
  const values = textValues(form, ["fallbackChatId", "template"]);
  // The default text saved unchanged stays "the default", so it follows the organisation's language.
  const template = values.template.replace(/\r\n/g, "\n").trim() === DEFAULT_TEMPLATES[viewer.org.locale] ? "" : values.template;
  try {
    await saveNotificationSettings(await getDb(), viewer, {
      isEnabled: form.get("isEnabled") === "on",
      botToken: String(form.get("botToken") ?? ""),
      clearBotToken: form.get("clearBotToken") === "on",
      fallbackChatId: values.fallbackChatId,
      template,
    });
    revalidatePath(PAGE);
    return { status: "success", message: t.saved };
  } catch (error) {
    return { status: "error", ...describeSettingsError(error, locale, t, values.template), values, selected: form.get("isEnabled") === "on" ? ["isEnabled"] : [] };
  }
}

/** The template's text names the placeholders it does not know; the rest is the form's usual way. */
function describeSettingsError(error: unknown, locale: Locale, t: NotificationsMessages, template: string): Pick<FormState, "message" | "fieldErrors"> {
  const unknown = unknownPlaceholders(template);
  const templateText =
    unknown.length > 0
      ? fill(t.errors.template, { unknown: unknown.map((name) => `{${name}}`).join(", "), known: PLACEHOLDERS.map((name) => `{${name}}`).join(" ") })
      : t.errors.templateLength;
  // Switching on without a token is the one way isEnabled can be refused.
  const isEnabledText = errorText(locale, { code: "bot_token_required" });
  return describeFormError(error, locale, { isEnabled: isEnabledText, botToken: t.errors.botToken, fallbackChatId: t.errors.fallbackChatId, template: templateText });
}

export async function sendTestMessageAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("org:update");
  const t = notificationsMessages[await resolveLocale(viewer)];
  const target = String(form.get("target") ?? "fallback");
  const result = await sendTestMessage(await getDb(), viewer, target === "fallback" ? "fallback" : target).catch((error: unknown) => {
    if (error instanceof ZodError) return { ok: false as const, problem: "team_not_found" as const };
    throw error;
  });
  if (result.ok) return { status: "success", message: fill(t.testSent, { chat: result.chatId }) };
  if (result.problem !== "telegram") return { status: "error", message: t.testProblems[result.problem] };
  const said = fill(t.telegramSaid, { description: result.description, status: result.status ?? "—", chat: result.chatId });
  const hint = result.status ? t.telegramHints[result.status] : undefined;
  return { status: "error", message: hint ? `${said} ${hint}` : said };
}

export async function retryDeliveryAction(form: FormData): Promise<void> {
  const viewer = await requirePermission("org:update");
  // A row's button names its id; the "all" button names none.
  const id = form.get("id");
  if (id !== null && !z.guid().safeParse(id).success) return;
  await retryDeadNotifications(await getDb(), viewer.orgId, id === null ? undefined : String(id));
  kickNotifications();
  revalidatePath(PAGE);
}
