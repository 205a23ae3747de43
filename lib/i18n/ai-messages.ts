// Texts of the conversation-analysis admin page (/admin/ai). English has every key Russian has.
import type { Locale } from "@/lib/format";

const ru = {
  adminLink: "Анализ разговоров",
  adminLinkBody: "Тональность, намерения и возражения в звонках, письмах и комментариях: модель или встроенный анализатор, бюджет, журнал запросов.",
  title: "Анализ разговоров",
  intro:
    "Тексты разговоров анализирует подключённая языковая модель (если организация включила анализ) или встроенный базовый анализатор, который работает без интернета. Телефоны, почта и номера карт заменяются до отправки модели.",
  backToAdmin: "← Администрирование",
  provider: {
    title: "Анализатор",
    basic: "Базовый анализатор (встроенный, русский и английский): модель не настроена, тексты не покидают сервер.",
    model: "Модель {model} на {host}.",
    transcribe: "Распознавание записей: {model}.",
    noTranscribe: "Распознавание записей не настроено.",
    redaction: "Удаление личных данных перед отправкой: {state}.",
    on: "включено",
    off: "выключено",
  },
  form: {
    title: "Настройки",
    enabled: "Отправлять тексты организации в модель",
    enabledHint: "Пока выключено, работает базовый анализатор и ни один текст не уходит с сервера.",
    budget: "Бюджет токенов на месяц",
    budgetHint: "Сумма входных и выходных токенов за календарный месяц (UTC). Когда он израсходован, до конца месяца работает базовый анализатор.",
    budgetInvalid: "Целое число от 0.",
    riskDays: "Риск: дней без касания",
    riskDaysHint: "Открытая сделка помечается риском, когда тон последних сообщений негативный, а касаний не было столько дней.",
    riskDaysInvalid: "Целое число от 1 до 365.",
    save: "Сохранить",
    saving: "Сохраняем…",
    saved: "Настройки сохранены.",
  },
  usage: "В этом месяце израсходовано {spent} из {budget} токенов; оценка стоимости ${cost}.",
  log: {
    title: "Журнал запросов к модели",
    table: "Запросы к модели",
    empty: "Запросов к модели ещё не было.",
    when: "Когда",
    kind: "Что",
    model: "Модель",
    tokens: "Токены (вход / выход)",
    cost: "Стоимость, $",
    latency: "Время, мс",
    outcome: "Результат",
    kinds: { analysis: "анализ", transcription: "распознавание", summary: "сводка на языке читателя" },
    outcomes: { ok: "успешно", invalid: "неверный ответ", refused: "отказ", timeout: "тайм-аут", rate_limited: "лимит запросов", provider_error: "ошибка сервиса" },
    older: "Старше",
  },
};

export type AiMessages = typeof ru;

const en: AiMessages = {
  adminLink: "Conversation analysis",
  adminLinkBody: "Sentiment, intent and objections in calls, e-mails and comments: a model or the built-in analyser, the budget, the request log.",
  title: "Conversation analysis",
  intro:
    "Conversation texts are analysed by the configured language model (once the organisation turns analysis on) or by the built-in basic analyser, which needs no internet. Phones, e-mails and card numbers are replaced before anything is sent to a model.",
  backToAdmin: "← Administration",
  provider: {
    title: "Analyser",
    basic: "The basic analyser (built in, Russian and English): no model is configured, texts never leave the server.",
    model: "Model {model} at {host}.",
    transcribe: "Recording transcription: {model}.",
    noTranscribe: "Recording transcription is not set up.",
    redaction: "Personal data removed before sending: {state}.",
    on: "on",
    off: "off",
  },
  form: {
    title: "Settings",
    enabled: "Send this organisation's texts to the model",
    enabledHint: "While off, the basic analyser runs and no text leaves the server.",
    budget: "Monthly token budget",
    budgetHint: "Input plus output tokens per calendar month (UTC). Once spent, the basic analyser answers until the month ends.",
    budgetInvalid: "A whole number from 0.",
    riskDays: "Risk: days without a touch",
    riskDaysHint: "An open deal is flagged at risk when its latest messages are negative and nobody has touched it for this many days.",
    riskDaysInvalid: "A whole number from 1 to 365.",
    save: "Save",
    saving: "Saving…",
    saved: "Settings saved.",
  },
  usage: "This month {spent} of {budget} tokens spent; estimated cost ${cost}.",
  log: {
    title: "Model request log",
    table: "Model requests",
    empty: "No model requests yet.",
    when: "When",
    kind: "What",
    model: "Model",
    tokens: "Tokens (in / out)",
    cost: "Cost, $",
    latency: "Time, ms",
    outcome: "Outcome",
    kinds: { analysis: "analysis", transcription: "transcription", summary: "summary in the reader's language" },
    outcomes: { ok: "ok", invalid: "invalid answer", refused: "refused", timeout: "timeout", rate_limited: "rate limited", provider_error: "service error" },
    older: "Older",
  },
};

export const aiMessages: Record<Locale, AiMessages> = { ru, en };

export function aiAdminLink(locale: Locale): { title: string; body: string } {
  return { title: aiMessages[locale].adminLink, body: aiMessages[locale].adminLinkBody };
}
