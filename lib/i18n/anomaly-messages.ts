// The Overview's "Attention" panel (anomaly alerts, docs/anomalies.md), in Russian and English.
import type { Locale } from "@/lib/format";

export const anomalyMessages = {
  ru: {
    title: "Требует внимания",
    subtitle: "Необычные дни за последние 2 недели: ряды, вышедшие за свою обычную полосу",
    loading: "Загрузка…",
    failed: "Не удалось загрузить",
    empty: "Всё в пределах обычного: за последние 2 недели необычных дней нет.",
    type: { leads_source: "Лиды из источника", leads_utm: "Лиды с utm_source", won_revenue: "Выручка", activities: "Активности менеджера", calls: "Звонки менеджера", webhooks: "Вебхуки источника" },
    direction: { drop: "ниже обычного", spike: "выше обычного" },
    severity: { low: "низкая", medium: "средняя", high: "высокая" },
    figures: "{actual} вместо обычных ~{expected}",
    department: "Отдел",
    none: "(не указан)",
    mail: {
      label: "Присылать мне новые аномалии на e-mail",
      saving: "Сохраняем…",
      failed: "Не удалось сохранить",
      organisationOff: "Письма об аномалиях выключены для всей компании в настройках уведомлений.",
      noSmtp: "Почтовый сервер не настроен: письма не уйдут, пока его не подключит администратор.",
      stopAsk: "Больше не присылать письма об аномалиях на {email}?",
      stopButton: "Не присылать",
      stopped: "Письма об аномалиях на {email} больше не придут. Включить их снова можно на главной, в блоке «Требует внимания».",
      invalid: "Ссылка повреждена. Откройте её из последнего письма.",
    },
  },
  en: {
    title: "Attention",
    subtitle: "Unusual days in the last 2 weeks: series that left their usual band",
    loading: "Loading…",
    failed: "Could not load",
    empty: "All within the usual: no unusual days in the last 2 weeks.",
    type: { leads_source: "Leads from source", leads_utm: "Leads with utm_source", won_revenue: "Won revenue", activities: "Manager's activities", calls: "Manager's calls", webhooks: "Webhooks of source" },
    direction: { drop: "below usual", spike: "above usual" },
    severity: { low: "low", medium: "medium", high: "high" },
    figures: "{actual} instead of the usual ~{expected}",
    department: "Department",
    none: "(not set)",
    mail: {
      label: "E-mail me new anomalies",
      saving: "Saving…",
      failed: "Could not save",
      organisationOff: "Anomaly e-mails are turned off for the whole company in the notification settings.",
      noSmtp: "No mail server is set up: nothing is sent until an administrator connects one.",
      stopAsk: "Stop anomaly e-mails to {email}?",
      stopButton: "Stop them",
      stopped: "Anomaly e-mails to {email} are stopped. You can turn them back on from the Overview, in the Attention panel.",
      invalid: "This link is damaged. Open it from the latest message.",
    },
  },
} as const satisfies Record<Locale, unknown>;

export type AnomalyMessages = (typeof anomalyMessages)[Locale];
