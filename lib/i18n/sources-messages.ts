// Texts of the Sources admin page (connecting CRMs and shops, testing them, syncing) and of the
// freshness line dashboards show.
import type { PluralForms } from "@/lib/format";

const ru = {
  title: "Источники",
  intro: "Подключённые CRM и магазины. Данные из CRM приходят вебхуками и синхронизацией по REST API.",
  indexBody: "Bitrix24, amoCRM и магазины: подключение, проверка, синхронизация и её история.",
  empty: "Источников пока нет. Добавьте первый ниже.",
  kinds: { bitrix24: "Bitrix24", amocrm: "amoCRM", shop: "Магазин" },
  add: {
    title: "Добавить источник",
    kind: "Тип",
    name: "Название",
    namePlaceholder: "Например: Портал отдела продаж",
    webhookUrl: "Входящий вебхук Bitrix24",
    webhookUrlHint: "Разработчикам → Другое → Входящий вебхук; права crm, user, department. Вид: https://портал.bitrix24.ru/rest/1/код/",
    applicationToken: "Токен приложения исходящего вебхука (необязательно)",
    baseUrl: "Адрес аккаунта amoCRM",
    baseUrlHint: "Например: https://example.amocrm.ru",
    accessToken: "Долгосрочный токен",
    accessTokenHint: "Настройки → Интеграции → ваша интеграция → Ключи и доступы.",
    submit: "Добавить",
    created: "Источник добавлен. Адрес для вебхуков:",
    signingSecret: "Секрет подписи (HMAC-SHA256 тела запроса) — сохраните его в настройках магазина:",
  },
  inbound: "Адрес для вебхуков",
  host: "Адрес",
  appToken: {
    missing: "Вставьте адрес выше в исходящий вебхук Bitrix24 (события ONCRM…), сохраните его и перенесите сюда его токен приложения: без него события не принимаются.",
    label: "Токен приложения",
    save: "Сохранить токен",
    saved: "Токен сохранён.",
  },
  test: "Проверить подключение",
  testing: "Проверяем…",
  testOk: "Подключение работает: {portal}, пользователь {user}.",
  syncIncremental: "Синхронизировать",
  syncFull: "Полная синхронизация",
  starting: "Запускаем…",
  delete: "Удалить",
  confirmDelete: "Удалить источник «{name}» и все полученные из него данные?",
  running: "Идёт синхронизация",
  rate: "{rate} строк/с",
  history: "История синхронизаций",
  noRuns: "Синхронизаций ещё не было.",
  columns: { started: "Начало", mode: "Режим", status: "Итог", rows: "Строк", requests: "Запросов", retries: "Повторов", error: "Ошибка" },
  modes: { full: "полная", incremental: "изменения", reconcile: "сверка" },
  statuses: { queued: "в очереди", running: "идёт", succeeded: "готово", failed: "ошибка", cancelled: "остановлена" },
  entities: {
    users: "Пользователи", pipelines: "Воронки и стадии", companies: "Компании", contacts: "Контакты", leads: "Лиды", deals: "Сделки",
    activities: "Дела", tasks: "Задачи", calls: "Звонки", stage_history: "История стадий",
  } as Record<string, string>,
  freshness: {
    never: "ещё не синхронизировано",
    justNow: "синхронизировано только что",
    minutesAgo: "синхронизировано {n} {minutes} назад",
    hoursAgo: "синхронизировано {n} {hours} назад",
    daysAgo: "синхронизировано {n} {days} назад",
    minutes: { one: "минуту", few: "минуты", many: "минут", other: "минуты" } as PluralForms,
    hours: { one: "час", few: "часа", many: "часов", other: "часа" } as PluralForms,
    days: { one: "день", few: "дня", many: "дней", other: "дня" } as PluralForms,
  },
  error: "Не получилось: {message}",
};

export type SourcesMessages = typeof ru;

const en: SourcesMessages = {
  title: "Sources",
  intro: "Connected CRMs and shops. CRM data arrives by webhooks and by syncing through the REST API.",
  indexBody: "Bitrix24, amoCRM and shops: connect, test, sync and see the history.",
  empty: "No sources yet. Add the first one below.",
  kinds: { bitrix24: "Bitrix24", amocrm: "amoCRM", shop: "Shop" },
  add: {
    title: "Add a source",
    kind: "Kind",
    name: "Name",
    namePlaceholder: "For example: Sales portal",
    webhookUrl: "Bitrix24 inbound webhook",
    webhookUrlHint: "Developer resources → Other → Inbound webhook; scopes crm, user, department. Looks like https://portal.bitrix24.com/rest/1/code/",
    applicationToken: "Outgoing webhook application token (optional)",
    baseUrl: "amoCRM account address",
    baseUrlHint: "For example: https://example.amocrm.ru",
    accessToken: "Long-lived token",
    accessTokenHint: "Settings → Integrations → your integration → Keys and scopes.",
    submit: "Add",
    created: "Source added. Its webhook address:",
    signingSecret: "Signing secret (HMAC-SHA256 of the request body) — put it into the shop's settings:",
  },
  inbound: "Webhook address",
  host: "Address",
  appToken: {
    missing: "Paste the address above into a Bitrix24 outgoing webhook (ONCRM… events), save it and copy its application token here: events are refused without it.",
    label: "Application token",
    save: "Save token",
    saved: "Token saved.",
  },
  test: "Test connection",
  testing: "Testing…",
  testOk: "The connection works: {portal}, user {user}.",
  syncIncremental: "Sync now",
  syncFull: "Full sync",
  starting: "Starting…",
  delete: "Delete",
  confirmDelete: "Delete the source “{name}” and all data it brought?",
  running: "Syncing",
  rate: "{rate} rows/s",
  history: "Sync history",
  noRuns: "No syncs yet.",
  columns: { started: "Started", mode: "Mode", status: "Result", rows: "Rows", requests: "Requests", retries: "Retries", error: "Error" },
  modes: { full: "full", incremental: "changes", reconcile: "reconcile" },
  statuses: { queued: "queued", running: "running", succeeded: "done", failed: "failed", cancelled: "stopped" },
  entities: {
    users: "Users", pipelines: "Pipelines and stages", companies: "Companies", contacts: "Contacts", leads: "Leads", deals: "Deals",
    activities: "Activities", tasks: "Tasks", calls: "Calls", stage_history: "Stage history",
  },
  freshness: {
    never: "not synced yet",
    justNow: "synced just now",
    minutesAgo: "synced {n} {minutes} ago",
    hoursAgo: "synced {n} {hours} ago",
    daysAgo: "synced {n} {days} ago",
    minutes: { one: "minute", other: "minutes" },
    hours: { one: "hour", other: "hours" },
    days: { one: "day", other: "days" },
  },
  error: "That did not work: {message}",
};

export const sourcesMessages = { ru, en };


/** The Sources entry on the admin index page. */
export function sourcesAdminLink(locale: "ru" | "en"): { title: string; body: string } {
  return { title: sourcesMessages[locale].title, body: sourcesMessages[locale].indexBody };
}
