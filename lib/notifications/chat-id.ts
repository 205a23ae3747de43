// What a Telegram chat id looks like: a number (groups and supergroups are negative, e.g.
// -1001874400121) or a public channel's @username. Shared by the team form and the settings form.
import { z } from "zod";

export const TELEGRAM_CHAT_ID_PATTERN = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/;

/** Blank → null ("no chat"), so an emptied field clears the chat. */
export const telegramChatIdSchema = z
  .string({ message: "must be a string" })
  .trim()
  .nullish()
  .transform((value) => (value ? value : value === undefined ? undefined : null))
  .refine((value) => value == null || TELEGRAM_CHAT_ID_PATTERN.test(value), "must be a Telegram chat id such as -1001234567890 or @channel_name");
