// Texts of the churn candidates list on the Customers page and of its export.
const ru = {
  candidates: "Кандидаты на отток",
  intro:
    "Клиенты, которые ещё не стали неактивными, но не заказывают дольше обычного для себя: риск ухода {min} и выше. Риск — вероятность, что обычный для клиента перерыв между заказами уже закончился бы; учитывает, сколько прошло с последнего заказа, сколько было заказов и их перерывы. Пересчитывается в фоне при изменении заказов и раз в сутки.",
  risk: "Риск ухода",
  gap: "Обычный перерыв, дн.",
  sortBy: "Сортировать по",
  backtest:
    "Проверка на истории: клиентов оценили на {date} по заказам до этой даты; из {n} с наибольшим риском не вернулись в свой срок (два обычных перерыва, от {min} до {max} дней) {hits} — точность {precision}. Среди всех {eligible} активных тогда клиентов не вернулись {base}; у {n} клиентов, дольше всех не заказывавших, — {recency}.",
  noBacktest: "Проверки на истории пока нет: нужны заказы старше 180 дней.",
  noRun: "Риск ещё не рассчитан: он появится после фонового пересчёта (в течение минуты).",
  scoredAt: "Рассчитано {date}; обычный перерыв по магазину {gap} дн.",
  empty: "Сейчас нет клиентов с риском ухода {min} и выше.",
  exportTitle: "Кандидаты на отток",
  customersTitle: "Клиенты",
};

export type ChurnMessages = typeof ru;

const en: ChurnMessages = {
  candidates: "Churn candidates",
  intro:
    "Customers who are not inactive yet but have gone longer than usual for them without an order: churn risk {min} or more. The risk is the chance that a usual gap of theirs would have ended by now; it weighs the time since the last order, how many orders there were and the gaps between them. Recomputed in the background when orders change and once a day.",
  risk: "Churn risk",
  gap: "Usual gap, days",
  sortBy: "Sort by",
  backtest:
    "Backtest: customers were scored as of {date} from the orders before it; of the {n} riskiest, {hits} did not come back within their horizon (two usual gaps, {min} to {max} days) — precision {precision}. Of all {eligible} customers active then, {base} did not come back; of the {n} longest without an order, {recency}.",
  noBacktest: "No backtest yet: it needs orders older than 180 days.",
  noRun: "The risk has not been computed yet: it appears after the background scoring (within a minute).",
  scoredAt: "Computed {date}; the shop's usual gap {gap} days.",
  empty: "No customers with a churn risk of {min} or more right now.",
  exportTitle: "Churn candidates",
  customersTitle: "Customers",
};

export const churnMessages = { ru, en } as const;
