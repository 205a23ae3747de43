// Texts of the dashboards: the filter bar, report cards and the Sales page.
const ru = {
  filters: {
    label: "Фильтры",
    period: "Период",
    presets: {
      "this-month": "Этот месяц",
      "last-month": "Прошлый месяц",
      "this-quarter": "Этот квартал",
      "this-year": "Этот год",
      "last-12-months": "12 месяцев",
      "all-time": "Всё время",
    },
    from: "С",
    to: "По",
    pipeline: "Воронка",
    department: "Отдел",
    manager: "Менеджер",
    source: "Источник",
    all: "Все",
    reset: "Сбросить",
  },
  loading: "Загружаем…",
  failed: "Не удалось загрузить отчёт",
  invalidFilters: "Фильтр задан неверно",
  resetFilters: "Сбросить фильтры",
  sales: {
    title: "Продажи",
    subtitle: "Выигранные сделки по месяцам закрытия",
    chart: "Выручка по месяцам",
    table: "По месяцам",
    empty: "Нет выигранных сделок за выбранный период",
    month: "Месяц",
    wonCount: "Выиграно сделок",
    wonAmount: "Выручка",
    averageAmount: "Средний чек",
    previousYear: "Год назад",
    total: "Итого",
  },
};

export type DashboardMessages = typeof ru;

const en: DashboardMessages = {
  filters: {
    label: "Filters",
    period: "Period",
    presets: {
      "this-month": "This month",
      "last-month": "Last month",
      "this-quarter": "This quarter",
      "this-year": "This year",
      "last-12-months": "12 months",
      "all-time": "All time",
    },
    from: "From",
    to: "To",
    pipeline: "Pipeline",
    department: "Department",
    manager: "Manager",
    source: "Source",
    all: "All",
    reset: "Reset",
  },
  loading: "Loading…",
  failed: "Could not load the report",
  invalidFilters: "A filter is not valid",
  resetFilters: "Reset filters",
  sales: {
    title: "Sales",
    subtitle: "Won deals by the month they closed",
    chart: "Revenue by month",
    table: "By month",
    empty: "No deals won in this period",
    month: "Month",
    wonCount: "Deals won",
    wonAmount: "Revenue",
    averageAmount: "Average deal",
    previousYear: "A year before",
    total: "Total",
  },
};

export const dashboardMessages = { ru, en };
