// Texts of a scheduled report's message (e-mail and Telegram) and of the unsubscribe page.
import type { Locale } from "@/lib/format";

const ru = {
  subject: "{name} — {period}",
  greeting: "Здравствуйте, {name}!",
  greetingNoName: "Здравствуйте!",
  intro: "Отчёт «{dashboard}» за {period}, как его видите вы.",
  introCreator: "Отчёт «{dashboard}» за {period} в доступе {creator}.",
  headline: "Главное, в сравнении с предыдущим периодом:",
  noChange: "нет данных для сравнения",
  attached: "Во вложении: {files}.",
  open: "Открыть в Воронке: {url}",
  why: "Вы получаете это письмо по рассылке «{name}» ({author}).",
  unsubscribe: "Отписаться: {url}",
  unsubscribeTitle: "Отписка от рассылки",
  unsubscribeAsk: "Больше не получать рассылку «{name}» на {email}?",
  unsubscribeButton: "Отписаться",
  unsubscribed: "Готово: рассылка «{name}» больше не будет приходить на {email}.",
  invalid: "Ссылка для отписки повреждена. Откройте её из последнего письма.",
};

const en: typeof ru = {
  subject: "{name} — {period}",
  greeting: "Hello {name},",
  greetingNoName: "Hello,",
  intro: "The «{dashboard}» report for {period}, as you see it.",
  introCreator: "The «{dashboard}» report for {period}, as {creator} sees it.",
  headline: "Headline figures, against the period before:",
  noChange: "nothing to compare with",
  attached: "Attached: {files}.",
  open: "Open in Voronka: {url}",
  why: "You receive this message through the scheduled report «{name}» ({author}).",
  unsubscribe: "Unsubscribe: {url}",
  unsubscribeTitle: "Unsubscribe",
  unsubscribeAsk: "Stop sending «{name}» to {email}?",
  unsubscribeButton: "Unsubscribe",
  unsubscribed: "Done: «{name}» will no longer be sent to {email}.",
  invalid: "This unsubscribe link is damaged. Open it from the latest message.",
};

export const scheduleMailMessages: Record<Locale, typeof ru> = { ru, en };
export type ScheduleMailMessages = typeof ru;
