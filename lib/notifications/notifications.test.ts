// Sale notifications end to end below the UI: deals written through the canonical layer (as webhooks
// and syncs write them) → the outbox → the worker → a mock Telegram Bot API.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals, notificationOutbox, notificationSettings, trafficTeams } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { applyDeals } from "@/lib/canonical";
import { env } from "@/lib/env";
import { GET as cronNotifications } from "@/app/api/cron/notifications/route";
// The admin page's Retry route runs here too (see below), as the page's button calls it.
import { POST as retryDelivery } from "@/app/api/notifications/deliveries/[id]/retry/route";
import { callRoute } from "@/db/test/call-route";
import { createApiToken } from "@/lib/auth/tokens";
import { drainNotifications } from "./deliver";
import { retryDeadNotifications } from "./deliveries";
import { enqueueWonDeals } from "./enqueue";
import { kickAnotherThread, settleNotifications, startNotificationDelivery, stopNotificationDelivery } from "./kick";
import { getNotificationSettings } from "./settings";
import { sendTestMessage } from "./send-test";
import { BOT_TOKEN, CHATS, createSalesOrg } from "./test/sales-org";
import { startMockTelegram, type MockTelegram } from "./test/mock-telegram";


let testDb: TestDb;
let telegram: MockTelegram;
let main: Awaited<ReturnType<typeof createSalesOrg>>;
const NBSP = "\u00a0";
const MINUTE = 60_000;

const expectedText = (patch: { amount?: string; team?: string } = {}) =>
  ["🎉 Новая продажа!", `Таргетолог: ${patch.team ?? "Kenesary"}`, "Клиент: Иван Иванов", `Сумма: ${patch.amount ?? `5${NBSP}000${NBSP}₸`}`, "Продукт: Express Course", "Кампания: tripwire_test_1"].join("\n");

async function outboxOf(dealExternalId: string, orgFixture = main) {
  const rows = await testDb.db
    .select({ outbox: notificationOutbox })
    .from(notificationOutbox)
    .innerJoin(deals, eq(deals.id, notificationOutbox.dealId))
    .where(and(eq(notificationOutbox.orgId, orgFixture.f.org.id), eq(deals.externalId, dealExternalId)));
  return rows.map((row) => row.outbox);
}

/** Applies deals the way the webhook processor does, then waits for the in-process delivery. */
async function apply(...patches: Parameters<typeof main.wonDeal>[0][]) {
  await applyDeals(testDb.db, main.source, patches.map((patch) => main.wonDeal(patch)));
  await settleNotifications();
}

const later = (ms: number) => () => new Date(Date.now() + ms);

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb); // the Retry and cron routes open the database with getDb()
  telegram = await startMockTelegram({ token: BOT_TOKEN, chats: [CHATS.kenesary, CHATS.fallback, CHATS.other] });
  main = await createSalesOrg(testDb.db);
  // Only this organisation's queue: other test files share a PostgreSQL database.
  startNotificationDelivery(async () => testDb.db, { sweepMs: 0, orgId: main.f.org.id, telegram: { baseUrl: telegram.baseUrl } });
});

afterAll(async () => {
  await stopNotificationDelivery();
  await telegram.close();
  await testDb.close();
});

describe("a won deal", () => {
  it("is announced once, even when the won webhook arrives twice, with the expected text", async () => {
    const before = telegram.calls.length;
    const won = main.wonDeal({ externalId: "TWICE" });
    await applyDeals(testDb.db, main.source, [won]);
    await applyDeals(testDb.db, main.source, [won]); // the same delivery again: nothing is written
    await applyDeals(testDb.db, main.source, [{ ...won, title: "Заявка (обновлена)", updatedAt: new Date() }]); // a later update of the won deal
    await settleNotifications();

    expect(telegram.calls.slice(before)).toEqual([{ chatId: CHATS.kenesary, text: expectedText(), status: 200, tokenOk: true }]);
    const [row, ...others] = await outboxOf("TWICE");
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({ status: "sent", attempts: 1, chatId: CHATS.kenesary, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("has one outbox row per deal: queuing it again adds nothing", async () => {
    await apply({ externalId: "UNIQUE" });
    const [row] = await outboxOf("UNIQUE");
    const [{ dealId }] = await testDb.db.select({ dealId: notificationOutbox.dealId }).from(notificationOutbox).where(eq(notificationOutbox.id, row.id));
    expect(await enqueueWonDeals(testDb.db, main.f.org.id, [dealId, dealId])).toEqual([]);
    expect(await outboxOf("UNIQUE")).toHaveLength(1);
  });

  it("is announced when a stored open deal moves to the won stage, and not when it moves on", async () => {
    const before = telegram.calls.length;
    const created = new Date(Date.now() - 3 * 86_400_000);
    await apply({ externalId: "MOVE", stageExternalId: "NEW", stageSemantic: "open", closedAt: null, updatedAt: created, createdAt: created });
    expect(await outboxOf("MOVE")).toHaveLength(0);

    const movedAt = new Date(Date.now() - 5 * MINUTE);
    await apply({ externalId: "MOVE", amount: "1500.50", currency: "RUB", closedAt: movedAt, updatedAt: movedAt, movedAt });
    expect(telegram.calls.slice(before).map((call) => call.text)).toEqual([expectedText({ amount: `1${NBSP}500,50${NBSP}₽` })]);

    // Lost and won again: still the one message of this deal.
    await apply({ externalId: "MOVE", stageExternalId: "LOSE", stageSemantic: "lost", updatedAt: new Date(Date.now() - 2 * MINUTE) });
    await apply({ externalId: "MOVE", updatedAt: new Date(Date.now() - MINUTE), closedAt: new Date(Date.now() - MINUTE) });
    expect(telegram.calls.length - before).toBe(1);
  });

  it("seen for the first time already won is history unless it closed within the last 24 hours", async () => {
    const before = telegram.calls.length;
    const ago = (hours: number) => new Date(Date.now() - hours * 60 * MINUTE);
    // A first full sync brings two years of won deals: the one closed 30 days ago stays quiet.
    await apply(
      { externalId: "OLD-30D", closedAt: ago(30 * 24), updatedAt: ago(30 * 24) },
      { externalId: "OLD-25H", closedAt: ago(25), updatedAt: ago(25) },
      { externalId: "NEW-23H", closedAt: ago(23), updatedAt: ago(23) },
      // No close time from the CRM: its modification time decides.
      { externalId: "OLD-NOCLOSE", closedAt: null, updatedAt: ago(48) },
    );
    expect(await outboxOf("OLD-30D")).toHaveLength(0);
    expect(await outboxOf("OLD-25H")).toHaveLength(0);
    expect(await outboxOf("OLD-NOCLOSE")).toHaveLength(0);
    expect(await outboxOf("NEW-23H")).toHaveLength(1);
    expect(telegram.calls.length - before).toBe(1);
  });

  it("goes to the team's chat, else the fallback chat; with neither it is dead with the reason", async () => {
    const before = telegram.calls.length;
    await apply({ externalId: "NO-TEAM", utmSource: "google" }, { externalId: "MUHA", utmSource: "tt_muha" });
    expect(telegram.calls.slice(before).map((call) => call.chatId)).toEqual([CHATS.fallback, CHATS.fallback]);
    // Both were queued by one statement, so either may go first.
    expect(telegram.calls.slice(before).map((call) => call.text.split("\n")[1]).sort()).toEqual(["Таргетолог: Muha", "Таргетолог: —"]);

    const lonely = await createSalesOrg(testDb.db, { fallbackChatId: null });
    await applyDeals(testDb.db, lonely.source, [lonely.wonDeal({ externalId: "NOWHERE", utmSource: "tt_muha" })]);
    expect(await drainNotifications(testDb.db, { orgId: lonely.f.org.id, telegram: { baseUrl: telegram.baseUrl } })).toMatchObject({ sent: 0, dead: 1 });
    const [row] = await outboxOf("NOWHERE", lonely);
    expect(row).toMatchObject({ status: "dead", attempts: 1, lastError: "No chat: the team «Muha» has no Telegram chat and no fallback chat is set" });
    expect(row.lastFailure).toEqual({ code: "notification_no_chat", params: { team: "Muha" } });
  });

  it("written inside a caller's transaction (an inbox event, a sync chunk) is sent once that transaction commits", async () => {
    const before = telegram.calls.length;
    await testDb.db.transaction(async (tx) => {
      await applyDeals(tx, main.source, [main.wonDeal({ externalId: "IN-TX" })]);
      // The kick has fired; the row is not committed yet.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await settleNotifications();
    expect(telegram.calls.slice(before).map((call) => call.status)).toEqual([200]);
    expect((await outboxOf("IN-TX"))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("queued by a thread without a worker of its own (the inbox processor's thread) is sent by the thread that has one", async () => {
    await apply({ externalId: "OTHER-THREAD", stageExternalId: "NEW", stageSemantic: "open", closedAt: null });
    await testDb.db.update(deals).set({ stageId: main.f.stages.WON.id }).where(and(eq(deals.sourceId, main.source.id), eq(deals.externalId, "OTHER-THREAD")));
    const [{ dealId }] = await testDb.db.select({ dealId: deals.id }).from(deals).where(and(eq(deals.sourceId, main.source.id), eq(deals.externalId, "OTHER-THREAD")));
    const [queued] = await testDb.db.insert(notificationOutbox).values({ orgId: main.f.org.id, dealId }).returning();
    kickAnotherThread([queued.id]); // what kickNotifications does where delivery is not started
    await expect.poll(async () => (await outboxOf("OTHER-THREAD"))[0].status, { timeout: 5_000 }).toBe("sent");
  });

  it("is not queued when the organisation has notifications off", async () => {
    const quiet = await createSalesOrg(testDb.db, { isEnabled: false });
    await applyDeals(testDb.db, quiet.source, [quiet.wonDeal({ externalId: "QUIET" })]);
    expect(await outboxOf("QUIET", quiet)).toHaveLength(0);
  });
});

describe("delivery", () => {
  it("retries a failing Telegram: two failures, then delivered on the 3rd attempt", async () => {
    telegram.failNext(2, { status: 500 });
    const before = telegram.calls.length;
    const firstTry = Date.now();
    await apply({ externalId: "FLAKY" });
    let [row] = await outboxOf("FLAKY");
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "Telegram 500: Internal Server Error" });
    // The first retry after 30 s (lib/ingest/process/backoff.ts).
    expect(row.nextAttemptAt.getTime() - firstTry).toBeGreaterThanOrEqual(30_000);
    expect(row.nextAttemptAt.getTime() - firstTry).toBeLessThan(40_000);

    const options = { orgId: main.f.org.id, telegram: { baseUrl: telegram.baseUrl } };
    expect(await drainNotifications(testDb.db, { ...options, now: later(10_000) })).toMatchObject({ sent: 0, failed: 0 }); // not due yet
    expect(await drainNotifications(testDb.db, { ...options, now: later(31_000) })).toMatchObject({ failed: 1 });
    [row] = await outboxOf("FLAKY");
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    // The second retry one minute after the second failure: 31 s + 60 s.
    expect(await drainNotifications(testDb.db, { ...options, now: later(92_000) })).toMatchObject({ sent: 1 });
    [row] = await outboxOf("FLAKY");
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(telegram.calls.slice(before).map((call) => call.status)).toEqual([500, 500, 200]);
    expect(telegram.delivered().filter((call) => call.text === expectedText()).length).toBeGreaterThanOrEqual(1);
  });

  it("waits as long as Telegram's 429 retry_after says", async () => {
    telegram.failNext(1, { status: 429, retryAfter: 7 });
    const firstTry = Date.now();
    await apply({ externalId: "FLOOD" });
    const [row] = await outboxOf("FLOOD");
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "Telegram 429: Too Many Requests: retry after 7" });
    expect(row.nextAttemptAt.getTime() - firstTry).toBeGreaterThanOrEqual(7_000);
    expect(row.nextAttemptAt.getTime() - firstTry).toBeLessThan(15_000);
    expect(await drainNotifications(testDb.db, { orgId: main.f.org.id, now: later(8_000), telegram: { baseUrl: telegram.baseUrl } })).toMatchObject({ sent: 1 });
  });

  it("is dead after the 10th failed attempt", async () => {
    telegram.failNext(10, { status: 502 });
    await apply({ externalId: "DOWN" });
    const options = { orgId: main.f.org.id, telegram: { baseUrl: telegram.baseUrl } };
    // 30 s, 1, 2, 4, 8, 16, 32 min, then an hour each: a day ahead makes every retry due.
    for (let attempt = 2; attempt <= 10; attempt++) await drainNotifications(testDb.db, { ...options, now: later(attempt * 86_400_000) });
    const [row] = await outboxOf("DOWN");
    expect(row).toMatchObject({ status: "dead", attempts: 10, lastError: "Telegram 502: Internal Server Error" });
    expect(await drainNotifications(testDb.db, { ...options, now: later(30 * 86_400_000) })).toMatchObject({ sent: 0, failed: 0, dead: 0 });
  });

  it("gives up at once on a permanent refusal, shows Telegram's reason without the token, and retries on request", async () => {
    await testDb.db.update(trafficTeams).set({ telegramChatId: "-1003" }).where(eq(trafficTeams.id, main.teams.kenesary.id));
    await apply({ externalId: "BADCHAT" });
    let [row] = await outboxOf("BADCHAT");
    expect(row).toMatchObject({ status: "dead", attempts: 1, chatId: "-1003", lastError: "Telegram 400: Bad Request: chat not found" });
    // the same as a code for the admin's language, Telegram's words beside
    expect(row.lastFailure).toEqual({ code: "notification_telegram_failed", params: { status: 400 }, details: "Bad Request: chat not found" });

    // The admin fixes the chat and presses "Retry": a fresh set of attempts, sent to the new chat.
    await testDb.db.update(trafficTeams).set({ telegramChatId: CHATS.kenesary }).where(eq(trafficTeams.id, main.teams.kenesary.id));
    expect(await retryDeadNotifications(testDb.db, main.f.org.id, row.id)).toBe(1);
    expect(await retryDeadNotifications(testDb.db, main.f.org.id, row.id)).toBe(0); // no longer dead
    await drainNotifications(testDb.db, { orgId: main.f.org.id, telegram: { baseUrl: telegram.baseUrl } });
    [row] = await outboxOf("BADCHAT");
    expect(row).toMatchObject({ status: "sent", attempts: 1, chatId: CHATS.kenesary });
  });

  it("the admin page's Retry puts a dead message back with fresh attempts; a malformed id or another organisation's changes nothing", async () => {
    await testDb.db.update(trafficTeams).set({ telegramChatId: "-1004" }).where(eq(trafficTeams.id, main.teams.kenesary.id));
    await apply({ externalId: "RETRY-ACTION" });
    const [dead] = await outboxOf("RETRY-ACTION");
    expect(dead).toMatchObject({ status: "dead", lastError: "Telegram 400: Bad Request: chat not found" });
    await testDb.db.update(trafficTeams).set({ telegramChatId: CHATS.kenesary }).where(eq(trafficTeams.id, main.teams.kenesary.id));
    const tokenOf = async (user: { id: string; orgId: string }) => ({ token: (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token });
    const retry = async (id: string, user = main.f.users.admin) =>
      callRoute(retryDelivery, `/api/notifications/deliveries/${id}/retry`, { as: await tokenOf(user), method: "POST", params: { id } });
    expect((await retry("not-a-uuid")).status).toBe(400);
    const stranger = await createSalesOrg(testDb.db);
    expect(await retry(dead.id, stranger.f.users.admin)).toEqual({ status: 200, body: { retried: 0 } });
    expect((await outboxOf("RETRY-ACTION"))[0].status).toBe("dead");
    expect(await retry(dead.id)).toEqual({ status: 200, body: { retried: 1 } }); // it also kicks the in-process worker
    await settleNotifications();
    expect((await outboxOf("RETRY-ACTION"))[0]).toMatchObject({ status: "sent", attempts: 1, chatId: CHATS.kenesary });
  });

  it("a wrong bot token is dead with Telegram's 'Unauthorized', and the token is in no stored text", async () => {
    const wrong = await createSalesOrg(testDb.db);
    const otherBot = await startMockTelegram({ token: "987654321:AAH-some-other-bots-token", chats: [CHATS.kenesary] });
    try {
      await applyDeals(testDb.db, wrong.source, [wrong.wonDeal({ externalId: "WRONGTOKEN" })]);
      await drainNotifications(testDb.db, { orgId: wrong.f.org.id, telegram: { baseUrl: otherBot.baseUrl } });
    } finally {
      await otherBot.close();
    }
    const [row] = await outboxOf("WRONGTOKEN", wrong);
    expect(row).toMatchObject({ status: "dead", lastError: "Telegram 401: Unauthorized" });
    const [settings] = await testDb.db.select().from(notificationSettings).where(eq(notificationSettings.orgId, wrong.f.org.id));
    expect(settings.botTokenEncrypted).not.toContain(BOT_TOKEN);
    expect(settings.botTokenEncrypted).toMatch(/^v1:/);
    expect(await getNotificationSettings(testDb.db, wrong.f.org.id)).toEqual({ isEnabled: true, hasBotToken: true, fallbackChatId: CHATS.fallback, template: null, anomalyEmails: true });
  });

  it("a network failure is retried and its reason never contains the token", async () => {
    const unreachable = await createSalesOrg(testDb.db);
    await applyDeals(testDb.db, unreachable.source, [unreachable.wonDeal({ externalId: "NONET" })]);
    await drainNotifications(testDb.db, { orgId: unreachable.f.org.id, telegram: { baseUrl: "http://127.0.0.1:9" } });
    const [row] = await outboxOf("NONET", unreachable);
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/^Telegram unreachable: Network error: /);
    expect(row.lastError).not.toContain(BOT_TOKEN.split(":")[1]);

    // Telegram is back by the next attempt, 30 s later.
    expect(await drainNotifications(testDb.db, { orgId: unreachable.f.org.id, now: later(31_000), telegram: { baseUrl: telegram.baseUrl } })).toMatchObject({ sent: 1 });
    expect((await outboxOf("NONET", unreachable))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("Send test message", () => {
  it("sends the sample sale to the fallback chat or a team's chat, and reports Telegram's refusal word for word", async () => {
    const options = { baseUrl: telegram.baseUrl };
    expect(await sendTestMessage(testDb.db, main.admin, "fallback", options)).toEqual({ ok: true, chatId: CHATS.fallback });
    const last = telegram.calls.at(-1)!;
    expect(last.text).toBe(`🧪 Тестовое сообщение Воронки. Так будет выглядеть продажа:\n\n${expectedText()}`);

    expect(await sendTestMessage(testDb.db, main.admin, main.teams.kenesary.id, options)).toEqual({ ok: true, chatId: CHATS.kenesary });
    expect(await sendTestMessage(testDb.db, main.admin, main.teams.muha.id, options)).toEqual({ ok: false, problem: "no_chat" });

    await testDb.db.update(trafficTeams).set({ telegramChatId: "-100404" }).where(eq(trafficTeams.id, main.teams.muha.id));
    expect(await sendTestMessage(testDb.db, main.admin, main.teams.muha.id, options)).toEqual({
      ok: false,
      problem: "telegram",
      status: 400,
      description: "Bad Request: chat not found",
      chatId: "-100404",
    });
    const otherBot = await startMockTelegram({ token: "987654321:AAH-some-other-bots-token", chats: [CHATS.fallback] });
    try {
      expect(await sendTestMessage(testDb.db, main.admin, "fallback", { baseUrl: otherBot.baseUrl })).toMatchObject({ ok: false, status: 401, description: "Unauthorized" });
    } finally {
      await otherBot.close();
    }
  });

  it("needs an admin", async () => {
    const { loadViewer } = await import("@/lib/auth/viewer");
    const manager = (await loadViewer(testDb.db, main.f.users.alice.id))!;
    await expect(sendTestMessage(testDb.db, manager, "fallback", { baseUrl: telegram.baseUrl })).rejects.toThrow("Your role does not allow this");
  });
});

describe("GET /api/cron/notifications", () => {
  it("sends what is due, for a caller with the cron secret", async () => {
    const original = { secret: env.CRON_SECRET, base: env.TELEGRAM_API_BASE_URL };
    env.CRON_SECRET = "a-cron-secret-of-some-length";
    env.TELEGRAM_API_BASE_URL = telegram.baseUrl;
    try {
      await stopNotificationDelivery(); // so only the cron sends
      // A shared PostgreSQL may hold due rows of earlier, interrupted runs: send them first.
      await drainNotifications(testDb.db, { telegram: { baseUrl: telegram.baseUrl } });
      await applyDeals(testDb.db, main.source, [main.wonDeal({ externalId: "BY-CRON" })]);
      expect((await outboxOf("BY-CRON"))[0]).toMatchObject({ status: "pending", attempts: 0 });
      const refused = await cronNotifications(new Request("http://localhost/api/cron/notifications"));
      expect(refused.status).toBe(401);
      expect((await outboxOf("BY-CRON"))[0].status).toBe("pending");

      const response = await cronNotifications(new Request("http://localhost/api/cron/notifications", { headers: { authorization: `Bearer ${env.CRON_SECRET}` } }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ sent: 1, exhausted: false });
      expect((await outboxOf("BY-CRON"))[0]).toMatchObject({ status: "sent", attempts: 1 });
    } finally {
      env.CRON_SECRET = original.secret;
      env.TELEGRAM_API_BASE_URL = original.base;
    }
  });
});
