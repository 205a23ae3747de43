// Texts of the Sources admin page (connecting CRMs and shops, testing them, syncing) and of the
// freshness line dashboards show.
import type { ConnectionReason } from "@/lib/connectors/connection-check";
import type { PluralForms } from "@/lib/format";
import { fill } from "./fill";

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
    baseUrlHint: "Например: https://example.amocrm.ru или просто example",
    accessToken: "Долгосрочный токен",
    accessTokenHint: "Настройки → Интеграции → ваша интеграция → Ключи и доступы.",
    connection: "Способ подключения",
    connections: {
      webhook: "Входящий вебхук",
      bitrixOAuth: "Приложение (OAuth)",
      token: "Долгосрочный токен",
      amoOAuth: "OAuth 2.0 с обновлением токена",
    },
    portalUrl: "Адрес портала",
    portalUrlHint: "Например: https://portal.bitrix24.ru",
    clientId: "client_id приложения",
    clientSecret: "client_secret приложения",
    oauthAccessToken: "access_token",
    refreshToken: "refresh_token",
    refreshTokenHint: "Токены обновляются сами; новая пара сохраняется зашифрованной.",
    redirectUri: "Redirect URI интеграции",
    submit: "Добавить",
    created: "Источник добавлен. Адрес для вебхуков:",
    signingSecret: "Секрет подписи (HMAC-SHA256 тела запроса) — сохраните его в настройках магазина:",
  },
  inbound: "Адрес для вебхуков",
  host: "Адрес",
  // A source's webhook secret is shown at creation, then only on request (each request is audited).
  secret: {
    reveal: "Показать секрет",
    rotate: "Сменить секрет",
    confirmRotate: "Сменить секрет источника «{name}»? Старый перестанет приниматься сразу: вставьте новый адрес (или ключ подписи) в CRM или магазин.",
    rotated: "Секрет сменён: старый больше не принимается. Обновите его в CRM или магазине.",
    signingSecret: "Секрет подписи:",
  },
  appToken: {
    missing: "Вставьте адрес выше в исходящий вебхук Bitrix24 (события ONCRM…), сохраните его и перенесите сюда его токен приложения: без него события не принимаются.",
    label: "Токен приложения",
    save: "Сохранить токен",
    saved: "Токен сохранён.",
  },
  test: "Проверить подключение",
  testing: "Проверяем…",
  testOk: "Подключение работает: {portal}, пользователь {user}.",
  // What went wrong and what to do, by the reason Test connection gives; the CRM's own words follow.
  testFailures: {
    dns_failed: "Имя {host} не находится в DNS: проверьте адрес портала или аккаунта.",
    connection_refused: "{host} не принимает соединения: проверьте адрес и порт.",
    tls_error: "У {host} недействительный TLS-сертификат: проверьте адрес или сертификат сервера CRM.",
    unreachable: "{host} недоступен: проверьте адрес портала или аккаунта.",
    timeout: "{host} не ответил вовремя: попробуйте ещё раз через минуту.",
    redirected: "{host} отвечает перенаправлением на {target}. Воронка не переходит по перенаправлениям: подключите источник по адресу {target}.",
    private_address: "{host} ведёт на локальный или внутренний адрес, а такие адреса запрещены. CRM во внутренней сети подключается, только если администратор сервера задал ALLOW_PRIVATE_CRM_URLS=true.",
    insecure_url: "{host} указан без https: подключите CRM по адресу https://… (CRM во внутренней сети — только с ALLOW_PRIVATE_CRM_URLS=true).",
    not_a_crm_answer: "По адресу {host} отвечает не API этой CRM: проверьте адрес.",
    bad_credentials: "CRM не принимает код вебхука или токен: создайте новый входящий вебхук или подключите заново.",
    missing_scope: "Вебхуку или приложению не хватает прав: отметьте crm, user и department в настройках вебхука, сохраните и проверьте снова.",
    forbidden: "CRM закрыла доступ: аккаунт заблокирован или у пользователя нет прав.",
    payment_required: "Подписка CRM закончилась: API недоступен до оплаты.",
    rate_limited: "CRM ограничила частоту запросов: попробуйте через минуту.",
    server_error: "CRM отвечает ошибкой сервера: попробуйте позже.",
    request_rejected: "CRM отклонила запрос: проверьте адрес и права пользователя.",
  } as Record<ConnectionReason, string>,
  testMissing: "Не хватает: {scopes}.",
  testFailed: "Подключение не работает.",
  testDetails: "Подробности от CRM: {details}",
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
    activities: "Дела", tasks: "Задачи", calls: "Звонки", stage_history: "История стадий", report_facts: "Отчёты",
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
    baseUrlHint: "For example: https://example.amocrm.ru, or just example",
    accessToken: "Long-lived token",
    accessTokenHint: "Settings → Integrations → your integration → Keys and scopes.",
    connection: "Connect with",
    connections: {
      webhook: "Inbound webhook",
      bitrixOAuth: "Application (OAuth)",
      token: "Long-lived token",
      amoOAuth: "OAuth 2.0 with token refresh",
    },
    portalUrl: "Portal address",
    portalUrlHint: "For example: https://portal.bitrix24.com",
    clientId: "Application client_id",
    clientSecret: "Application client_secret",
    oauthAccessToken: "access_token",
    refreshToken: "refresh_token",
    refreshTokenHint: "Tokens are renewed automatically; the new pair is stored encrypted.",
    redirectUri: "The integration's redirect URI",
    submit: "Add",
    created: "Source added. Its webhook address:",
    signingSecret: "Signing secret (HMAC-SHA256 of the request body) — put it into the shop's settings:",
  },
  inbound: "Webhook address",
  host: "Address",
  secret: {
    reveal: "Reveal secret",
    rotate: "Rotate secret",
    confirmRotate: "Rotate the secret of “{name}”? The old one is refused at once: put the new address (or signing key) into the CRM or shop.",
    rotated: "Secret rotated: the old one is no longer accepted. Update it in the CRM or shop.",
    signingSecret: "Signing secret:",
  },
  appToken: {
    missing: "Paste the address above into a Bitrix24 outgoing webhook (ONCRM… events), save it and copy its application token here: events are refused without it.",
    label: "Application token",
    save: "Save token",
    saved: "Token saved.",
  },
  test: "Test connection",
  testing: "Testing…",
  testOk: "The connection works: {portal}, user {user}.",
  testFailures: {
    dns_failed: "The name {host} is not found in DNS: check the portal or account address.",
    connection_refused: "{host} refuses connections: check the address and port.",
    tls_error: "{host} has an invalid TLS certificate: check the address or the CRM server's certificate.",
    unreachable: "{host} cannot be reached: check the portal or account address.",
    timeout: "{host} did not answer in time: try again in a minute.",
    redirected: "{host} answers with a redirect to {target}. Voronka does not follow redirects: connect the source at {target}.",
    private_address: "{host} leads to a local or private address, which is refused. A CRM on a private network can be connected only when the server's operator sets ALLOW_PRIVATE_CRM_URLS=true.",
    insecure_url: "{host} is given without https: connect the CRM at https://… (a CRM on a private network only with ALLOW_PRIVATE_CRM_URLS=true).",
    not_a_crm_answer: "What answers at {host} is not this CRM's API: check the address.",
    bad_credentials: "The CRM does not accept the webhook code or token: create a new inbound webhook or reconnect.",
    missing_scope: "The webhook or app lacks permissions: tick crm, user and department in the webhook settings, save and test again.",
    forbidden: "The CRM refused access: the account is blocked or the user has no rights.",
    payment_required: "The CRM subscription has ended: its API is closed until it is paid.",
    rate_limited: "The CRM is limiting requests: try again in a minute.",
    server_error: "The CRM answers with a server error: try again later.",
    request_rejected: "The CRM rejected the request: check the address and the user's rights.",
  },
  testMissing: "Missing: {scopes}.",
  testFailed: "The connection does not work.",
  testDetails: "Details from the CRM: {details}",
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
    activities: "Activities", tasks: "Tasks", calls: "Calls", stage_history: "Stage history", report_facts: "Reports",
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

/** A failed Test connection in words: what went wrong and what to do, then the CRM's own words when it gave any. */
export function describeTestFailure(t: SourcesMessages, failure: { reason: string; params: Record<string, string | number | undefined>; details?: string }): string {
  const params = Object.fromEntries(Object.entries(failure.params).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
  const reason = (t.testFailures as Record<string, string>)[failure.reason];
  const parts = [reason ? fill(reason, params) : t.testFailed];
  if (failure.reason === "missing_scope" && params.scopes) parts.push(fill(t.testMissing, params));
  if (failure.details) parts.push(fill(t.testDetails, { details: failure.details }));
  return parts.join(" ");
}


/** The Sources entry on the admin index page. */
export function sourcesAdminLink(locale: "ru" | "en"): { title: string; body: string } {
  return { title: sourcesMessages[locale].title, body: sourcesMessages[locale].indexBody };
}
