// Texts of TV mode (/tv), embedded dashboards (/embed/…) and the admin page that makes both.
import { schedulesMessages } from "./schedules-messages";

const ru = {
  tv: {
    invalidTitle: "Экран не подключён",
    invalidBody: "Токен экрана недействителен или отозван. Администратор может выдать новый в разделе «Экраны и встраивание» и открыть здесь ссылку /tv?token=…",
    live: { on: "Обновляется в реальном времени", off: "Нет связи — показаны последние данные" },
    slideOf: "{index} из {count}",
  },
  embed: {
    invalidTitle: "Ссылка недействительна",
    invalidBody: "Ссылка для встраивания повреждена, истекла или отозвана. Попросите администратора Voronka выдать новую.",
    until: "Ссылка действует до {date}",
  },
  admin: {
    title: "Экраны и встраивание",
    indexBody: "ТВ-режим для экрана в отделе продаж и дашборды внутри CRM",
    intro:
      "Токен экрана показывает выбранные дашборды по кругу на большом экране — без меню и без входа; он только читает отчёты с вашими правами и ничего не может изменить. Ссылка для встраивания показывает один дашборд внутри Битрикс24 или amoCRM: встроить её можно только на порталы подключённых источников.",
    displays: "Токены экранов",
    embeds: "Ссылки для встраивания",
    name: "Название",
    namePlaceholder: "Например: ТВ в отделе продаж",
    dashboards: "Дашборды",
    dashboard: "Дашборд",
    builtReports: "Сохранённые отчёты конструктора",
    rotate: "Смена слайда, секунд",
    days: "Срок действия, дней",
    create: "Создать",
    createdOnce: "Откройте эту ссылку на экране — больше она показана не будет:",
    embedCreated: "Ссылка для встраивания:",
    empty: "Пока ничего нет.",
    prefix: "Начало",
    created: "Создан",
    by: "Автор",
    lastUsed: "Использован",
    never: "никогда",
    expires: "Действует до",
    revoke: "Отозвать",
    copy: "Ссылка",
    frameOrigins: "Встраивание разрешено для: {origins}",
    noFrameOrigins: "Нет подключённых порталов Битрикс24 или amoCRM: ссылку можно открыть, но не встроить.",
    nameRequired: "Укажите название (до 100 символов).",
    pickDashboard: "Выберите хотя бы один дашборд.",
  },
  // The dashboards' names as the schedules page says them.
  dashboards: schedulesMessages.ru.dashboards,
};

export type DisplayMessages = typeof ru;

const en: DisplayMessages = {
  tv: {
    invalidTitle: "This screen is not connected",
    invalidBody: "The display token is invalid or has been revoked. An admin can make a new one under “Screens and embedding” and open its /tv?token=… link here.",
    live: { on: "Updating live", off: "Connection lost — showing the last figures" },
    slideOf: "{index} of {count}",
  },
  embed: {
    invalidTitle: "This link is not valid",
    invalidBody: "The embed link is damaged, has expired or has been revoked. Ask your Voronka admin for a new one.",
    until: "This link works until {date}",
  },
  admin: {
    title: "Screens and embedding",
    indexBody: "TV mode for a sales-floor screen, and dashboards inside the CRM",
    intro:
      "A display token shows the chosen dashboards in turn on a big screen — no menus, no sign-in; it only reads reports with your rights and can change nothing. An embed link shows one dashboard inside Bitrix24 or amoCRM: only the portals of your connected sources may frame it.",
    displays: "Display tokens",
    embeds: "Embed links",
    name: "Name",
    namePlaceholder: "For example: sales-floor TV",
    dashboards: "Dashboards",
    dashboard: "Dashboard",
    builtReports: "Saved built reports",
    rotate: "Next slide after, seconds",
    days: "Valid for, days",
    create: "Create",
    createdOnce: "Open this link on the screen — it will not be shown again:",
    embedCreated: "Embed link:",
    empty: "Nothing yet.",
    prefix: "Starts with",
    created: "Created",
    by: "By",
    lastUsed: "Last used",
    never: "never",
    expires: "Valid until",
    revoke: "Revoke",
    copy: "Link",
    frameOrigins: "May be framed by: {origins}",
    noFrameOrigins: "No Bitrix24 portal or amoCRM account is connected: the link opens, but no site may frame it.",
    nameRequired: "Give it a name (up to 100 characters).",
    pickDashboard: "Choose at least one dashboard.",
  },
  dashboards: schedulesMessages.en.dashboards,
};

export const displayMessages = { ru, en };
