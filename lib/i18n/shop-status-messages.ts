// Texts of the shop card's «Statuses sent to the shop» section (docs/shop-status.md).
const ru = {
  title: "Статусы, отправленные в магазин",
  intro: "Когда сделка заказа переходит на стадию, сопоставленную со статусом магазина, Voronka отправляет статус на адрес магазина. Здесь — история по заказам; неотправленный статус можно отправить ещё раз.",
  order: "Номер заказа",
  find: "Показать",
  empty: "Статусы ещё не отправлялись.",
  resend: "Отправить ещё раз",
  resent: "Отправлено повторно.",
  columns: { created: "Когда", order: "Заказ", status: "Статус", state: "Состояние", attempts: "Попыток", answer: "Ответ магазина", deal: "Сделка" },
  state: { pending: "В очереди", failed: "Повтор", dead: "Не отправлен", sent: "Отправлен" },
  error: "Не получилось: {message}",
};

const en: typeof ru = {
  title: "Statuses sent to the shop",
  intro: "When an order's deal enters a stage mapped to a shop status, Voronka sends that status to the shop's address. This is the history per order; a status that did not go can be sent again.",
  order: "Order number",
  find: "Show",
  empty: "No status has been sent yet.",
  resend: "Send again",
  resent: "Sent again.",
  columns: { created: "When", order: "Order", status: "Status", state: "State", attempts: "Attempts", answer: "Shop's answer", deal: "Deal" },
  state: { pending: "Queued", failed: "Retrying", dead: "Not sent", sent: "Sent" },
  error: "That did not work: {message}",
};

export type ShopStatusMessages = typeof ru;
export const shopStatusMessages = { ru, en };
