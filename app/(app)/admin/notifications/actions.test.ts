// The notifications page's server actions below the browser: FormData in, form state out, against a
// real database and the mock Telegram. Only the session, the locale cookie and the cache are stood in for.
// The Retry action is tested with the outbox in lib/notifications/notifications.test.ts: every test
// that queues messages lives in that one file, because its cron test drains every organisation's
// queue of a shared PostgreSQL and must not race another file's messages.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { env } from "@/lib/env";
import { notificationsMessages } from "@/lib/i18n/notifications-messages";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { startMockTelegram, type MockTelegram } from "@/lib/notifications/test/mock-telegram";
import { BOT_TOKEN, CHATS, createSalesOrg } from "@/lib/notifications/test/sales-org";

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requirePermission: async () => session.viewer }));
vi.mock("@/lib/i18n/locale", () => ({ resolveLocale: async () => "ru" }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveNotificationSettingsAction, sendTestMessageAction } = await import("./actions");

const t = notificationsMessages.ru;
let testDb: TestDb;
let telegram: MockTelegram;
let org: Awaited<ReturnType<typeof createSalesOrg>>;
const originalBase = env.TELEGRAM_API_BASE_URL;

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  telegram = await startMockTelegram({ token: BOT_TOKEN, chats: [CHATS.fallback] });
  env.TELEGRAM_API_BASE_URL = telegram.baseUrl;
  // An organisation with nothing saved yet: notifications off, no token.
  org = await createSalesOrg(testDb.db, { isEnabled: false });
  session.viewer = org.admin;
  await saveNotificationSettingsAction({}, form({ botToken: "", clearBotToken: "on", fallbackChatId: "", template: "" }));
});
beforeEach(() => {
  session.viewer = org.admin;
});
afterAll(async () => {
  env.TELEGRAM_API_BASE_URL = originalBase;
  await telegram.close();
  await testDb.close();
});

describe("saving the settings", () => {
  it("refuses to turn on without a token, beside the switch, keeping what was typed and ticked", async () => {
    expect(await getNotificationSettings(testDb.db, org.f.org.id)).toMatchObject({ hasBotToken: false });
    const state = await saveNotificationSettingsAction({}, form({ isEnabled: "on", botToken: "", fallbackChatId: "-1009", template: "" }));
    expect(state).toEqual({ status: "error", fieldErrors: { isEnabled: "Чтобы включить уведомления, задайте токен бота." }, values: { fallbackChatId: "-1009", template: "" }, selected: ["isEnabled"] });
  });

  it("refuses a malformed token, a malformed chat and an unknown placeholder, each beside its field", async () => {
    const state = await saveNotificationSettingsAction({}, form({ botToken: "-1009988776655", fallbackChatId: "t.me/sales", template: "Сумма: {summa}" }));
    expect(state.fieldErrors).toEqual({
      botToken: t.errors.botToken,
      fallbackChatId: t.errors.fallbackChatId,
      template: "Неизвестная подстановка {summa}. Доступны: {team} {client} {amount} {product} {campaign} {manager} {deal}.",
    });
    // The token typed is never sent back.
    expect(JSON.stringify(state)).not.toContain("-1009988776655");
  });

  it("saves the token encrypted and the default template unchanged as the default", async () => {
    const defaultText = "🎉 Новая продажа!\r\nТаргетолог: {team}\r\nКлиент: {client}\r\nСумма: {amount}\r\nПродукт: {product}\r\nКампания: {campaign}";
    const state = await saveNotificationSettingsAction({}, form({ isEnabled: "on", botToken: BOT_TOKEN, fallbackChatId: CHATS.fallback, template: defaultText }));
    expect(state).toEqual({ status: "success", message: t.saved });
    expect(await getNotificationSettings(testDb.db, org.f.org.id)).toEqual({ isEnabled: true, hasBotToken: true, fallbackChatId: CHATS.fallback, template: null });
    // Saving again without a token keeps the stored one.
    await saveNotificationSettingsAction({}, form({ isEnabled: "on", botToken: "", fallbackChatId: CHATS.fallback, template: "{team}: {amount}" }));
    expect(await getNotificationSettings(testDb.db, org.f.org.id)).toEqual({ isEnabled: true, hasBotToken: true, fallbackChatId: CHATS.fallback, template: "{team}: {amount}" });
  });
});

describe("Send test message", () => {
  it("says where it went, or what Telegram said and what to check", async () => {
    expect(await sendTestMessageAction({}, form({ target: "fallback" }))).toEqual({ status: "success", message: `Отправлено в чат ${CHATS.fallback}` });
    expect(telegram.delivered().at(-1)?.text).toBe("🧪 Тестовое сообщение Воронки. Так будет выглядеть продажа:\n\nKenesary: 5\u00a0000\u00a0₸");

    expect(await sendTestMessageAction({}, form({ target: org.teams.kenesary.id }))).toEqual({
      status: "error",
      message: `Telegram ответил: «Bad Request: chat not found» (400), чат ${CHATS.kenesary}. Проверьте id чата и что бот добавлен в этот чат.`,
    });
    expect(await sendTestMessageAction({}, form({ target: org.teams.muha.id }))).toEqual({ status: "error", message: t.testProblems.no_chat });
    expect(await sendTestMessageAction({}, form({ target: "not-a-team" }))).toEqual({ status: "error", message: t.testProblems.team_not_found });
  });
});
