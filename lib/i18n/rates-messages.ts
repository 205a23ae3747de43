// Texts of the exchange-rate editor (/admin/rates). English has every key Russian has; "{name}"
// marks a value filled in with `fill` from admin-messages.
import type { Locale } from "@/lib/format";

const ru = {
  adminLink: "Курсы валют",
  adminLinkBody: "Курсы к базовой валюте по дням: по ним суммы сделок пересчитываются в отчётах.",
  title: "Курсы валют",
  intro:
    "Сколько единиц базовой валюты ({base}) стоит одна единица другой валюты, начиная с указанного дня и до следующего курса. Сделка пересчитывается по курсу дня закрытия (открытая — дня создания). После изменения отчёты пересчитываются сразу.",
  backToAdmin: "← Администрирование",
  form: {
    title: "Добавить или изменить курс",
    hint: "Если на этот день курс уже есть, он будет заменён.",
    currency: "Валюта",
    currencyHint: "Код ISO 4217, например USD или RUB.",
    day: "Действует с",
    rate: "Курс, {base} за 1 единицу",
    rateHint: "Например 512,3456 — до 8 знаков после запятой.",
    submit: "Сохранить курс",
    submitting: "Сохраняем…",
    added: "Курс {currency} на {day} добавлен; пересчитано сделок: {deals}.",
    updated: "Курс {currency} на {day} изменён; пересчитано сделок: {deals}.",
  },
  list: {
    all: "Все валюты",
    empty: "Курсов пока нет. Без курса суммы в этой валюте не попадают в отчёты.",
    emptyCurrency: "Для {currency} курсов нет.",
    table: "Курсы валют организации",
    currency: "Валюта",
    day: "С дня",
    rate: "Курс",
    actions: "Действия",
    edit: "Изменить",
    delete: "Удалить",
    deleting: "Удаляем…",
    confirmDelete: "Удалить курс {currency} на {day}?",
    deleted: "Курс {currency} на {day} удалён; пересчитано сделок: {deals}.",
    shown: "Показаны {from}–{to} из {total}",
    newer: "Новее",
    older: "Старее",
  },
  errors: {
    currency: "Укажите код валюты из трёх латинских букв (например USD), отличный от базовой валюты {base}.",
    day: "Укажите дату.",
    rate: "Укажите курс больше нуля, например 512,3456 (до 8 знаков после запятой).",
  },
};

export type RatesMessages = typeof ru;

const en: RatesMessages = {
  adminLink: "Exchange rates",
  adminLinkBody: "Daily rates to the base currency: the reports convert deal amounts with them.",
  title: "Exchange rates",
  intro:
    "How many units of the base currency ({base}) one unit of another currency is worth, from the given day until the next rate. A deal is converted at the rate of its close day (an open one at its creation day). Reports are recalculated as soon as you save.",
  backToAdmin: "← Admin",
  form: {
    title: "Add or change a rate",
    hint: "If the day already has a rate, it is replaced.",
    currency: "Currency",
    currencyHint: "An ISO 4217 code, such as USD or RUB.",
    day: "Valid from",
    rate: "Rate, {base} per unit",
    rateHint: "Such as 512.3456 — up to 8 decimals.",
    submit: "Save rate",
    submitting: "Saving…",
    added: "Rate of {currency} on {day} added; deals recalculated: {deals}.",
    updated: "Rate of {currency} on {day} changed; deals recalculated: {deals}.",
  },
  list: {
    all: "All currencies",
    empty: "No rates yet. Without a rate, amounts in that currency stay out of the reports.",
    emptyCurrency: "No rates for {currency}.",
    table: "The organisation's exchange rates",
    currency: "Currency",
    day: "From",
    rate: "Rate",
    actions: "Actions",
    edit: "Edit",
    delete: "Delete",
    deleting: "Deleting…",
    confirmDelete: "Delete the rate of {currency} on {day}?",
    deleted: "Rate of {currency} on {day} deleted; deals recalculated: {deals}.",
    shown: "Showing {from}–{to} of {total}",
    newer: "Newer",
    older: "Older",
  },
  errors: {
    currency: "Enter a currency code of three Latin letters (such as USD) other than the base currency {base}.",
    day: "Enter a date.",
    rate: "Enter a rate above zero, such as 512.3456 (up to 8 decimals).",
  },
};

export const ratesMessages: Record<Locale, RatesMessages> = { ru, en };

/** The entry of the admin index page that leads here. */
export function ratesAdminLink(locale: Locale): { title: string; body: string } {
  return { title: ratesMessages[locale].adminLink, body: ratesMessages[locale].adminLinkBody };
}
