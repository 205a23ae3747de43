// What the notifications settings form may send (no database imports: the page shares it).
import { z } from "zod";
import { telegramChatIdSchema } from "./chat-id";
import { PLACEHOLDERS, TEMPLATE_MAX_LENGTH, unknownPlaceholders } from "./template";

/** "123456789:AAH…" as BotFather gives it; catches a pasted chat id or a truncated token. */
export const BOT_TOKEN_PATTERN = /^\d{3,20}:[A-Za-z0-9_-]{20,100}$/;

export const notificationSettingsSchema = z.object({
  isEnabled: z.boolean({ message: "must be true or false" }),
  /** A new token; absent or blank keeps the stored one. */
  botToken: z
    .string({ message: "must be a string" })
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || BOT_TOKEN_PATTERN.test(value), "must be a bot token as BotFather gives it, like 123456789:AAH…"),
  clearBotToken: z.boolean({ message: "must be true or false" }).default(false),
  /** Anomaly alerts by e-mail; absent keeps the stored choice (on by default). */
  anomalyEmails: z.boolean({ message: "must be true or false" }).optional(),
  fallbackChatId: telegramChatIdSchema,
  /** Blank → null: the default template in the organisation's language. */
  template: z
    .string({ message: "must be a string" })
    .max(TEMPLATE_MAX_LENGTH, `must be at most ${TEMPLATE_MAX_LENGTH} characters`)
    .nullish()
    .transform((value) => (value?.trim() ? value.replace(/\r\n/g, "\n") : null))
    .superRefine((value, ctx) => {
      const unknown = value ? unknownPlaceholders(value) : [];
      if (unknown.length > 0) {
        const names = (list: readonly string[], separator: string) => list.map((name) => `{${name}}`).join(separator);
        ctx.addIssue({
          code: "custom",
          message: `unknown placeholder ${names(unknown, ", ")}; use ${names(PLACEHOLDERS, ", ")}`,
          params: { code: "template_unknown_placeholder", unknown: names(unknown, ", "), known: names(PLACEHOLDERS, " ") },
        });
      }
    }),
});
export type NotificationSettingsInput = z.input<typeof notificationSettingsSchema>;

/** Where a test message goes: the fallback chat, or a team's chat. */
export const testTargetSchema = z.union([z.literal("fallback"), z.guid({ message: "must be a team id" })]);
