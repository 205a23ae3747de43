// Texts of the admin audit log page and its export: each recorded change and kind of object named.
import type { AuditAction, AuditTargetType } from "@/lib/audit";

type AuditMessages = {
  title: string;
  intro: string;
  indexBody: string;
  back: string;
  filters: string;
  person: string;
  allPeople: string;
  object: string;
  allObjects: string;
  from: string;
  to: string;
  apply: string;
  reset: string;
  empty: string;
  emptyFiltered: string;
  system: string;
  /** The disclosure of a row's details on a phone. */
  showDetails: string;
  columns: { when: string; person: string; action: string; object: string; objectId: string; details: string };
  page: string;
  prev: string;
  next: string;
  total: { one: string; few: string; many: string; other: string };
  actions: Record<AuditAction, string>;
  targetTypes: Record<AuditTargetType, string>;
};

const ru: AuditMessages = {
  title: "Журнал изменений",
  intro: "Кто что изменил и когда: пользователи, источники, правила, курсы, виды. Пароли, токены и секреты сюда не пишутся.",
  indexBody: "Кто что изменил и когда, с выгрузкой",
  back: "← Администрирование",
  filters: "Фильтры журнала",
  person: "Кто",
  allPeople: "Все люди",
  object: "Что",
  allObjects: "Все объекты",
  from: "С",
  to: "По",
  apply: "Показать",
  reset: "Сбросить",
  empty: "Изменений пока не было.",
  emptyFiltered: "Таких изменений нет. Измените фильтры.",
  system: "Система или удалённый пользователь",
  showDetails: "Показать",
  columns: { when: "Когда", person: "Кто", action: "Что сделано", object: "Объект", objectId: "ID объекта", details: "Подробности" },
  page: "Страница {page} из {pages}",
  prev: "Новее",
  next: "Старее",
  total: { one: "{n} запись", few: "{n} записи", many: "{n} записей", other: "{n} записи" },
  actions: {
    "user.invite": "Пользователь приглашён",
    "user.update": "Пользователь изменён",
    "user.password.set": "Пароль задан",
    "user.crm-users.set": "Изменены связи с аккаунтами CRM",
    "department.create": "Отдел создан",
    "org.update": "Настройки компании изменены",
    "notifications.update": "Уведомления настроены",
    "ai_settings.update": "Настройки анализа разговоров изменены",
    "exchange-rate.create": "Курс добавлен",
    "exchange-rate.update": "Курс изменён",
    "exchange-rate.delete": "Курс удалён",
    "source.create": "Источник подключён",
    "source.update": "Источник изменён",
    "source.delete": "Источник удалён",
    "source.secret_reveal": "Секрет вебхука показан",
    "source.secret_rotate": "Секрет вебхука заменён",
    "source.field_mapping": "Изменено сопоставление полей amoCRM",
    "source.write_back": "Изменена запись в CRM",
    "source.write_back_replay": "Неудавшиеся записи в CRM отправлены снова",
    "source.write_back_field_create": "Создано поле в CRM для записи",
    "shop_status.settings": "Изменены статусы для магазина",
    "shop_status.resend": "Статус заказа отправлен в магазин повторно",
    "token.create": "API-токен создан",
    "token.revoke": "API-токен отозван",
    "traffic_team.create": "Трафик-команда создана",
    "traffic_team.update": "Трафик-команда изменена",
    "traffic_team.delete": "Трафик-команда удалена",
    "traffic_team.import_examples": "Загружены примеры правил",
    "attribution_rule.create": "Правило атрибуции добавлено",
    "attribution_rule.update": "Правило атрибуции изменено",
    "attribution_rule.delete": "Правило атрибуции удалено",
    "ad_spend.upsert": "Расходы на рекламу записаны",
    "ad_spend.delete": "Расходы на рекламу удалены",
    "plans.upsert": "Планы продаж записаны",
    "saved_view.create": "Вид сохранён",
    "saved_view.update": "Вид изменён",
    "saved_view.delete": "Вид удалён",
    "report_schedule.create": "Рассылка отчёта создана",
    "report_schedule.update": "Рассылка отчёта изменена",
    "report_schedule.delete": "Рассылка отчёта удалена",
    "report_schedule.send": "Рассылка отчёта отправлена вручную",
    "report_schedule.unsubscribe": "Получатель отписался от рассылки",
    "anomaly_emails.on": "Письма об аномалиях включены для себя",
    "anomaly_emails.off": "Письма об аномалиях отключены для себя",
    "display_token.create": "Создан токен экрана (ТВ-режим)",
    "display_token.revoke": "Токен экрана отозван",
    "embed_link.create": "Создана ссылка для встраивания",
    "embed_link.revoke": "Ссылка для встраивания отозвана",
    "demo.seeded": "Созданы демо-данные",
    "win_model.train": "Модель вероятности выигрыша обучена",
    "operator.organisation_update": "Оператор изменил организацию клиента",
    "operator.organisation_delete": "Оператор удалил организацию клиента",
  },
  targetTypes: {
    user: "Пользователь",
    department: "Отдел",
    organisation: "Компания",
    exchange_rate: "Курс валюты",
    source: "Источник",
    api_token: "API-токен",
    traffic_team: "Трафик-команда",
    attribution_rule: "Правило атрибуции",
    ad_spend: "Расходы на рекламу",
    saved_view: "Сохранённый вид",
    report_schedule: "Рассылка отчёта",
    display_token: "Токен экрана",
    embed_link: "Ссылка для встраивания",
    win_model: "Модель вероятности выигрыша",
  },
};

const en: AuditMessages = {
  title: "Audit log",
  intro: "Who changed what and when: users, sources, rules, rates, views. Passwords, tokens and secrets are never written here.",
  indexBody: "Who changed what and when, exportable",
  back: "← Administration",
  filters: "Audit log filters",
  person: "Who",
  allPeople: "Everyone",
  object: "What",
  allObjects: "All objects",
  from: "From",
  to: "To",
  apply: "Show",
  reset: "Reset",
  empty: "Nothing has been changed yet.",
  emptyFiltered: "No such changes. Change the filters.",
  system: "The system or a deleted user",
  showDetails: "Show",
  columns: { when: "When", person: "Who", action: "What was done", object: "Object", objectId: "Object ID", details: "Details" },
  page: "Page {page} of {pages}",
  prev: "Newer",
  next: "Older",
  total: { one: "{n} entry", few: "{n} entries", many: "{n} entries", other: "{n} entries" },
  actions: {
    "user.invite": "User invited",
    "user.update": "User changed",
    "user.password.set": "Password set",
    "user.crm-users.set": "CRM account links changed",
    "department.create": "Department created",
    "org.update": "Company settings changed",
    "notifications.update": "Notifications set up",
    "ai_settings.update": "Conversation analysis settings changed",
    "exchange-rate.create": "Rate added",
    "exchange-rate.update": "Rate changed",
    "exchange-rate.delete": "Rate deleted",
    "source.create": "Source connected",
    "source.update": "Source changed",
    "source.delete": "Source deleted",
    "source.secret_reveal": "Webhook secret shown",
    "source.secret_rotate": "Webhook secret replaced",
    "source.field_mapping": "amoCRM field mapping changed",
    "source.write_back": "Write-back into the CRM changed",
    "source.write_back_replay": "Failed writes into the CRM sent again",
    "source.write_back_field_create": "A CRM field created for write-back",
    "shop_status.settings": "Shop status settings changed",
    "shop_status.resend": "Order status sent to the shop again",
    "token.create": "API token created",
    "token.revoke": "API token revoked",
    "traffic_team.create": "Traffic team created",
    "traffic_team.update": "Traffic team changed",
    "traffic_team.delete": "Traffic team deleted",
    "traffic_team.import_examples": "Example rules loaded",
    "attribution_rule.create": "Attribution rule added",
    "attribution_rule.update": "Attribution rule changed",
    "attribution_rule.delete": "Attribution rule deleted",
    "ad_spend.upsert": "Ad spend recorded",
    "ad_spend.delete": "Ad spend deleted",
    "plans.upsert": "Sales plans recorded",
    "saved_view.create": "View saved",
    "saved_view.update": "View changed",
    "saved_view.delete": "View deleted",
    "report_schedule.create": "Scheduled report created",
    "report_schedule.update": "Scheduled report changed",
    "report_schedule.delete": "Scheduled report deleted",
    "report_schedule.send": "Scheduled report sent by hand",
    "report_schedule.unsubscribe": "A recipient unsubscribed",
    "anomaly_emails.on": "Anomaly e-mails turned on for oneself",
    "anomaly_emails.off": "Anomaly e-mails turned off for oneself",
    "display_token.create": "Display token (TV mode) created",
    "display_token.revoke": "Display token revoked",
    "embed_link.create": "Embed link created",
    "embed_link.revoke": "Embed link revoked",
    "demo.seeded": "Demo data created",
    "win_model.train": "Win-probability model trained",
    "operator.organisation_update": "Operator changed a customer organisation",
    "operator.organisation_delete": "Operator deleted a customer organisation",
  },
  targetTypes: {
    user: "User",
    department: "Department",
    organisation: "Company",
    exchange_rate: "Exchange rate",
    source: "Source",
    api_token: "API token",
    traffic_team: "Traffic team",
    attribution_rule: "Attribution rule",
    ad_spend: "Ad spend",
    saved_view: "Saved view",
    report_schedule: "Scheduled report",
    display_token: "Display token",
    embed_link: "Embed link",
    win_model: "Win-probability model",
  },
};

export const auditMessages = { ru, en };

/** A recorded action in the reader's language; an action from a newer version reads as written. */
export function auditActionName(t: AuditMessages, action: string): string {
  return Object.hasOwn(t.actions, action) ? t.actions[action as AuditAction] : action;
}

export function auditTargetName(t: AuditMessages, targetType: string | null): string {
  if (!targetType) return "";
  return Object.hasOwn(t.targetTypes, targetType) ? t.targetTypes[targetType as AuditTargetType] : targetType;
}

export function auditAdminLink(locale: "ru" | "en") {
  return { title: auditMessages[locale].title, body: auditMessages[locale].indexBody };
}
