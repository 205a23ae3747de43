// Texts of the admin Webhooks page.
const ru = {
  title: "Вебхуки",
  intro: "Входящие события CRM и магазина: адреса для подключения, статистика за 24 часа, журнал событий и повторная обработка.",
  indexBody: "Адреса вебхуков, статистика, журнал событий, повтор неудачных",
  back: "← Администрирование",
  noSources: "Источников пока нет. Подключите CRM или магазин в разделе «Источники».",
  inboundUrl: "Адрес для вебхуков",
  secretHidden: "Секрет в адресе скрыт: показать или сменить его можно в разделе «Источники».",
  how: {
    bitrix24:
      "Bitrix24: Разработчикам → Другое → Исходящий вебхук. Вставьте адрес в «URL обработчика», отметьте события сделок, лидов, контактов, компаний и дел (ONCRMDEAL…, ONCRMLEAD…, ONCRMCONTACT…, ONCRMCOMPANY…, ONCRMACTIVITY…) и сохраните. Скопируйте «Токен приложения» в настройки источника: без него события отклоняются (401).",
    amocrm:
      "amoCRM: Настройки → Интеграции → Web hooks (или действие «Отправить webhook» в цифровой воронке). Вставьте адрес целиком — секрет уже в нём — и отметьте события сделок, контактов и компаний.",
    shop: "Магазин: отправляйте POST с JSON заказа на этот адрес и подписью X-Voronka-Signature: sha256=<HMAC-SHA256 тела с секретом источника>. Пример на curl и PHP — в docs/webhooks.md.",
    form: "Форма сайта: в Tilda — Настройки сайта → Формы → Webhook, вставьте адрес целиком (секрет уже в нём) и отметьте приёмщик в блоке формы; Tilda проверит его запросом test=test. Другая форма отправляет POST с полями name, phone, email, utm_… (form-urlencoded или JSON). Подробно — в docs/forms.md.",
  },
  last24h: "За 24 часа",
  successRate: "Успешно",
  replayDead: "Повторить все «мёртвые»",
  replayDeadDone: "Возвращено в очередь: {n}",
  filters: "Фильтр",
  allSources: "Все источники",
  allStatuses: "Все статусы",
  type: "Тип события",
  apply: "Показать",
  events: "События",
  empty: "Событий нет.",
  columns: { id: "№", received: "Получено", source: "Источник", type: "Тип", status: "Статус", attempts: "Попытки", error: "Причина" },
  open: "Открыть",
  event: "Событие №{id}",
  headers: "Заголовки",
  body: "Тело",
  lastError: "Причина",
  technicalDetails: "Текст ошибки для разработчика",
  processedAt: "Обработано",
  replay: "Повторить",
  replayed: "Событие возвращено в очередь",
  close: "Закрыть",
  prev: "Новее",
  next: "Старее",
  page: "Страница {page} из {pages}",
  status: { pending: "в очереди", processing: "обрабатывается", done: "обработано", rejected: "отклонено", ignored: "пропущено", failed: "ошибка, повтор", dead: "«мёртвое»" },
};

export type WebhooksMessages = typeof ru;

const en: WebhooksMessages = {
  title: "Webhooks",
  intro: "Incoming CRM and shop events: the addresses to connect, figures for the last 24 hours, the event log and replays.",
  indexBody: "Webhook addresses, figures, the event log, replaying failures",
  back: "← Admin",
  noSources: "No sources yet. Connect a CRM or a shop under Sources.",
  inboundUrl: "Webhook address",
  secretHidden: "The secret in the address is hidden: reveal or rotate it under Sources.",
  how: {
    bitrix24:
      "Bitrix24: Developer resources → Other → Outgoing webhook. Paste the address as the handler URL, tick the deal, lead, contact, company and activity events (ONCRMDEAL…, ONCRMLEAD…, ONCRMCONTACT…, ONCRMCOMPANY…, ONCRMACTIVITY…) and save. Copy the Application token into the source's settings: without it events are refused (401).",
    amocrm:
      "amoCRM: Settings → Integrations → Web hooks (or the “Send webhook” action of a Digital Pipeline stage). Paste the whole address — the secret is part of it — and tick the lead, contact and company events.",
    shop: "Shop: POST the order JSON to this address with X-Voronka-Signature: sha256=<HMAC-SHA256 of the body keyed with the source's secret>. curl and PHP examples are in docs/webhooks.md.",
    form: "Site form: in Tilda, Site settings → Forms → Webhook — paste the whole address (the secret is part of it) and tick the receiver in the form block; Tilda checks it with a test=test post. Any other form POSTs the fields name, phone, email, utm_… (form-urlencoded or JSON). Details in docs/forms.md.",
  },
  last24h: "Last 24 hours",
  successRate: "Success",
  replayDead: "Replay all dead",
  replayDeadDone: "Back in the queue: {n}",
  filters: "Filter",
  allSources: "All sources",
  allStatuses: "All statuses",
  type: "Event type",
  apply: "Show",
  events: "Events",
  empty: "No events.",
  columns: { id: "#", received: "Received", source: "Source", type: "Type", status: "Status", attempts: "Attempts", error: "Reason" },
  open: "Open",
  event: "Event #{id}",
  headers: "Headers",
  body: "Body",
  lastError: "Reason",
  technicalDetails: "The error text, for developers",
  processedAt: "Processed",
  replay: "Replay",
  replayed: "The event is back in the queue",
  close: "Close",
  prev: "Newer",
  next: "Older",
  page: "Page {page} of {pages}",
  status: { pending: "pending", processing: "processing", done: "done", rejected: "rejected", ignored: "ignored", failed: "failed, will retry", dead: "dead" },
};

export const webhooksMessages = { ru, en };


/** The Webhooks entry of the admin index. */
export function webhooksAdminLink(locale: "ru" | "en") {
  return { title: webhooksMessages[locale].title, body: webhooksMessages[locale].indexBody };
}
