// Texts of the API tokens page.
const ru = {
  title: "API-токены",
  intro:
    "Токен даёт скриптам и BI-инструментам доступ к /api/… с вашими правами: заголовок Authorization: Bearer <токен>. Создать токен можно только здесь, не другим токеном. Отозванный токен не вернуть; все ваши токены отзываются и тогда, когда администратор отключает вас или меняет ваш пароль.",
  newToken: "Новый токен",
  name: "Название",
  namePlaceholder: "Например: Power BI",
  nameRequired: "Укажите название токена (до 100 символов).",
  create: "Создать",
  createdOnce: "Скопируйте токен сейчас — больше он показан не будет:",
  yourTokens: "Ваши токены",
  empty: "У вас пока нет токенов.",
  prefix: "Начало",
  created: "Создан",
  lastUsed: "Использован",
  never: "никогда",
  revoke: "Отозвать",
};

export type TokensMessages = typeof ru;

const en: TokensMessages = {
  title: "API tokens",
  intro:
    "A token lets scripts and BI tools call /api/… with your rights: header Authorization: Bearer <token>. Tokens are made here, never by another token. A revoked token is gone for good; all your tokens are also revoked when an admin disables you or sets your password.",
  newToken: "New token",
  name: "Name",
  namePlaceholder: "For example: Power BI",
  nameRequired: "Give the token a name (up to 100 characters).",
  create: "Create",
  createdOnce: "Copy the token now — it will not be shown again:",
  yourTokens: "Your tokens",
  empty: "You have no tokens yet.",
  prefix: "Starts with",
  created: "Created",
  lastUsed: "Last used",
  never: "never",
  revoke: "Revoke",
};

export const tokensMessages = { ru, en };
