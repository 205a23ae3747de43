// The notifications page's API below the browser: settings, "Send test message" and "Retry all",
// against a real database and the mock Telegram, called as an admin's script or browser calls them.
// A refusal is read as the page's form shows it (useApiForm's refusalOf). A row's Retry is tested with
// the outbox in lib/notifications/notifications.test.ts: every test that queues messages lives in
// that one file, because its cron test drains every organisation's queue of a shared PostgreSQL.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { callRoute, type Caller } from "@/db/test/call-route";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { refusalOf } from "@/components/ui/use-api-form";
import { ApiError } from "@/lib/api/call-api";
import { createApiToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { notificationsMessages } from "@/lib/i18n/notifications-messages";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { startMockTelegram, type MockTelegram } from "@/lib/notifications/test/mock-telegram";
import { BOT_TOKEN, CHATS, createSalesOrg } from "@/lib/notifications/test/sales-org";
import { POST as retryAll } from "./deliveries/retry/route";
import { POST as retryOne } from "./deliveries/[id]/retry/route";
import { GET, PUT } from "./settings/route";
import { POST as sendTest } from "./test/route";

const t = notificationsMessages.ru;
let testDb: TestDb;
let telegram: MockTelegram;
let org: Awaited<ReturnType<typeof createSalesOrg>>;
let other: Awaited<ReturnType<typeof createSalesOrg>>;
const as: Record<"admin" | "director" | "otherAdmin", Caller> = { admin: null, director: null, otherAdmin: null };
const originalBase = env.TELEGRAM_API_BASE_URL;

const put = (body: unknown, caller = as.admin) => callRoute(PUT, "/api/notifications/settings", { as: caller, method: "PUT", body });
const test = (target: unknown, caller = as.admin) => callRoute(sendTest, "/api/notifications/test", { as: caller, method: "POST", body: { target } });
// The form's own texts for a plain validation_error of each field (settings-form.tsx).
const fields = { isEnabled: "", botToken: t.errors.botToken, fallbackChatId: t.errors.fallbackChatId, template: t.errors.templateLength };
const shown = (answer: { status: number; body: { error: ConstructorParameters<typeof ApiError>[1] } }) => refusalOf(new ApiError(answer.status, answer.body.error), "ru", fields);

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  telegram = await startMockTelegram({ token: BOT_TOKEN, chats: [CHATS.fallback] });
  env.TELEGRAM_API_BASE_URL = telegram.baseUrl;
  org = await createSalesOrg(testDb.db, { isEnabled: false });
  other = await createSalesOrg(testDb.db);
  const token = async (user: { id: string; orgId: string }) => ({ token: (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token });
  as.admin = await token(org.f.users.admin);
  as.director = await token(org.f.users.director);
  as.otherAdmin = await token(other.f.users.admin);
  // An organisation with nothing saved yet: notifications off, no token.
  expect((await put({ isEnabled: false, botToken: "", clearBotToken: true, fallbackChatId: "", template: "" })).status).toBe(200);
});
afterAll(async () => {
  env.TELEGRAM_API_BASE_URL = originalBase;
  await telegram.close();
  await testDb.close();
});

describe("PUT /api/notifications/settings", () => {
  it("refuses to turn on without a token, beside the switch, and changes nothing", async () => {
    const answer = await put({ isEnabled: true, botToken: "", fallbackChatId: "-1009", template: "" });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "bot_token_required", field: "isEnabled" } } });
    expect(shown(answer)).toEqual({ fieldErrors: { isEnabled: "Чтобы включить уведомления, задайте токен бота." } });
    expect(await getNotificationSettings(testDb.db, org.f.org.id)).toEqual({ isEnabled: false, hasBotToken: false, fallbackChatId: null, template: null, anomalyEmails: true });
  });

  it("refuses a malformed token, a malformed chat and an unknown placeholder, each beside its field, never echoing the token", async () => {
    const token = await put({ isEnabled: false, botToken: "-1009988776655", fallbackChatId: "", template: "" });
    expect(token.status).toBe(400);
    expect(shown(token)).toEqual({ fieldErrors: { botToken: t.errors.botToken } });
    expect(JSON.stringify(token.body)).not.toContain("-1009988776655");
    expect(shown(await put({ isEnabled: false, fallbackChatId: "t.me/sales", template: "" }))).toEqual({ fieldErrors: { fallbackChatId: t.errors.fallbackChatId } });
    const template = await put({ isEnabled: false, fallbackChatId: "", template: "Сумма: {summa}" });
    expect(template.body.error).toMatchObject({ code: "template_unknown_placeholder", field: "template", params: { unknown: "{summa}" } });
    expect(shown(template)).toEqual({ fieldErrors: { template: "Неизвестная подстановка {summa}. Доступны: {team} {client} {amount} {product} {campaign} {manager} {deal}." } });
    expect(shown(await put({ isEnabled: false, fallbackChatId: "", template: "x".repeat(2001) }))).toEqual({ fieldErrors: { template: "Шаблон длиннее 2000 символов." } });
    expect(await getNotificationSettings(testDb.db, org.f.org.id)).toMatchObject({ hasBotToken: false, fallbackChatId: null, template: null });
  });

  it("saves the token encrypted (never answered), the default template unchanged as the default, and logs that the token changed", async () => {
    const defaultText = "🎉 Новая продажа!\r\nТаргетолог: {team}\r\nКлиент: {client}\r\nСумма: {amount}\r\nПродукт: {product}\r\nКампания: {campaign}";
    const saved = await put({ isEnabled: true, botToken: BOT_TOKEN, fallbackChatId: CHATS.fallback, template: defaultText });
    expect(saved).toEqual({ status: 200, body: { settings: { isEnabled: true, hasBotToken: true, fallbackChatId: CHATS.fallback, template: null, anomalyEmails: true } } });
    expect(JSON.stringify(saved.body)).not.toContain(BOT_TOKEN.split(":")[1]);
    expect((await callRoute(GET, "/api/notifications/settings", { as: as.admin })).body).toEqual(saved.body);
    // Saving again without a token keeps the stored one.
    await put({ isEnabled: true, botToken: "", fallbackChatId: CHATS.fallback, template: "{team}: {amount}" });
    expect(await getNotificationSettings(testDb.db, org.f.org.id)).toEqual({ isEnabled: true, hasBotToken: true, fallbackChatId: CHATS.fallback, template: "{team}: {amount}", anomalyEmails: true });
    const entries = await testDb.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.f.org.id), eq(auditLog.action, "notifications.update")));
    // the organisation's first save and the set-up's, then these two; the refusals above wrote nothing
    expect(entries).toHaveLength(4);
    expect(entries.map((entry) => entry.details)).toEqual(expect.arrayContaining([
      { isEnabled: true, fallbackChatId: CHATS.fallback, template: "default", botToken: "replaced", anomalyEmails: true },
      { isEnabled: true, fallbackChatId: CHATS.fallback, template: "custom", botToken: "kept", anomalyEmails: true },
    ]));
    expect(JSON.stringify(entries)).not.toContain(BOT_TOKEN.split(":")[1]);
  });

  it("turns anomaly e-mails off and keeps that when a save leaves them out; a non-boolean is a 400 naming the field", async () => {
    const base = { isEnabled: true, botToken: "", fallbackChatId: CHATS.fallback, template: "{team}: {amount}" };
    expect(await put({ ...base, anomalyEmails: "no" })).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "anomalyEmails" } } });
    expect((await getNotificationSettings(testDb.db, org.f.org.id)).anomalyEmails).toBe(true);
    expect((await put({ ...base, anomalyEmails: false })).body).toMatchObject({ settings: { anomalyEmails: false } });
    await put(base);
    expect((await getNotificationSettings(testDb.db, org.f.org.id)).anomalyEmails).toBe(false);
    expect((await put({ ...base, anomalyEmails: true })).body).toMatchObject({ settings: { anomalyEmails: true } });
  });

  it("is the admin's alone: a director is refused, and another organisation's admin changes only theirs", async () => {
    expect(await put({ isEnabled: false, fallbackChatId: "", template: "" }, as.director)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await callRoute(GET, "/api/notifications/settings", { as: as.director })).status).toBe(403);
    expect((await put({ isEnabled: false, fallbackChatId: "-1002", template: "" }, as.otherAdmin)).status).toBe(200);
    expect(await getNotificationSettings(testDb.db, org.f.org.id)).toMatchObject({ isEnabled: true, fallbackChatId: CHATS.fallback });
    expect(await getNotificationSettings(testDb.db, other.f.org.id)).toMatchObject({ isEnabled: false, fallbackChatId: "-1002" });
  });
});

describe("POST /api/notifications/test", () => {
  it("says where it went, or what Telegram said", async () => {
    expect(await test("fallback")).toEqual({ status: 200, body: { ok: true, chatId: CHATS.fallback } });
    expect(telegram.delivered().at(-1)?.text).toBe("🧪 Тестовое сообщение Воронки. Так будет выглядеть продажа:\n\nKenesary: 5\u00a0000\u00a0₸");
    expect(await test(org.teams.kenesary.id)).toEqual({ status: 200, body: { ok: false, problem: "telegram", status: 400, description: "Bad Request: chat not found", chatId: CHATS.kenesary } });
    expect(await test(org.teams.muha.id)).toEqual({ status: 200, body: { ok: false, problem: "no_chat" } });
    // Another organisation's team is no team of this one.
    expect(await test(other.teams.kenesary.id)).toEqual({ status: 200, body: { ok: false, problem: "team_not_found" } });
  });

  it("refuses a target that is no team id with a 400, and a director", async () => {
    expect(await test("not-a-team")).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "target" } } });
    expect(await test(undefined)).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "target" } } });
    expect(await test("fallback", as.director)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
  });
});

describe("POST /api/notifications/deliveries/…/retry", () => {
  it("answers how many dead messages went back (none here), refuses a malformed id and a director", async () => {
    expect(await callRoute(retryAll, "/api/notifications/deliveries/retry", { as: as.admin, method: "POST" })).toEqual({ status: 200, body: { retried: 0 } });
    expect(await callRoute(retryOne, "/api/notifications/deliveries/x/retry", { as: as.admin, method: "POST", params: { id: "not-a-uuid" } })).toMatchObject({ status: 400, body: { error: { code: "validation_error" } } });
    expect(await callRoute(retryAll, "/api/notifications/deliveries/retry", { as: as.director, method: "POST" })).toMatchObject({ status: 403 });
  });
});
