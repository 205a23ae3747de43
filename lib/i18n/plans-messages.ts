// The plans page's texts (figure names come from the glossary, like everywhere else).
import { glossary } from "./glossary";

const ru = {
  title: "Планы продаж",
  intro: "План выручки (в валюте учёта) и выигранных сделок на месяц — для отдела и для каждого менеджера. Месяцы — по часовому поясу компании. Пустые поля — плана нет; план отдела без своей строки — сумма планов его менеджеров.",
  month: glossary.ru.month,
  departments: "Отделы",
  managers: "Менеджеры",
  name: "Кто",
  revenuePlan: glossary.ru.planRevenue,
  wonDealsPlan: glossary.ru.planWonDeals,
  fact: "Факт",
  done: "Выполнено",
  projection: glossary.ru.projectedRevenue,
  fromManagers: "из планов менеджеров: {amount}",
  save: "Сохранить планы",
  saving: "Сохраняем…",
  saved: "Сохранено: новых {inserted}, изменено {updated}, удалено {deleted}.",
  empty: "В вашей области видимости нет ни отделов, ни менеджеров.",
  importTitle: "Загрузить из CSV",
  importHint: "Столбцы: месяц (2026-03 или 03.2026); e-mail менеджера или отдел; выручка (1 500 000,50); сделки. Разделитель «;» или «,». Если хоть одна строка с ошибкой, не загружается ничего.",
  file: "Файл",
  upload: "Загрузить",
  uploading: "Загружаем…",
  days: "Прошло {elapsed} из {days} дн.",
};

export type PlansMessages = typeof ru;

const en: PlansMessages = {
  title: "Sales plans",
  intro: "A month's revenue plan (in the reporting currency) and won deals plan — for a department and for each manager. Months follow the company's time zone. An empty field means no plan; a department without a row of its own has its managers' plans added up.",
  month: glossary.en.month,
  departments: "Departments",
  managers: "Managers",
  name: "Who",
  revenuePlan: glossary.en.planRevenue,
  wonDealsPlan: glossary.en.planWonDeals,
  fact: "Fact",
  done: "Done",
  projection: glossary.en.projectedRevenue,
  fromManagers: "from the managers' plans: {amount}",
  save: "Save plans",
  saving: "Saving…",
  saved: "Saved: {inserted} new, {updated} changed, {deleted} removed.",
  empty: "There is no department or manager in what you may see.",
  importTitle: "Import a CSV file",
  importHint: "Columns: month (2026-03 or 03.2026); the manager's e-mail or the department; revenue (1500000.50 or 1 500 000,50); won deals. Separated by “;” or “,”. If any line is wrong, nothing is imported.",
  file: "File",
  upload: "Import",
  uploading: "Importing…",
  days: "{elapsed} of {days} days have run.",
};

export const plansMessages = { ru, en };
