// A suspended organisation does no work in the background (docs/hosted.md): its queued mail waits
// while the other organisation's is sent, and goes once it is resumed; its syncs are not run — the
// schedule passes it over saying why, "Sync now" is refused, a run queued before is failed with the
// reason; webhook events stored before the suspension wait in the inbox.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDeliveries, syncRuns, webhookEvents } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { bitrixEvent } from "@/lib/ingest/test/bodies";
import { createWebhookSources } from "@/lib/ingest/test/sources";
import { closeMailTransports, type MailConfig } from "@/lib/mail/mailer";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/test/smtp-sink";
import { drainReportDeliveries } from "@/lib/report-schedules/deliver";
import { sendScheduleNow } from "@/lib/report-schedules/plan";
import { createSchedule } from "@/lib/report-schedules/schedules";
import { createScheduleSchema } from "@/lib/report-schedules/schemas";
import { runQueuedSync, startSync } from "@/lib/sync/engine";
import { requestSync } from "@/lib/sync/request-sync";
import { syncAllSources } from "@/lib/sync/schedule";
import { addCrmSource, liveDeals } from "@/lib/sync/test-helpers";
import { updateOrganisation } from "./organisations";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let operator: Viewer;
let sink: SmtpSink;
let mail: MailConfig;
let mock: Bitrix24Mock;
const fast = { bitrix24: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } };

beforeAll(async () => {
  testDb = await createTestDb();
  [a, b] = [await createOrgFixture(testDb.db), await createOrgFixture(testDb.db)];
  // The operator's own organisation is B here: any organisation but A will do for updateOrganisation.
  operator = (await loadViewer(testDb.db, b.users.admin.id))!;
  sink = await startSmtpSink();
  mail = { url: sink.url, from: "Voronka <reports@voronka.test>" };
  mock = await startBitrix24Mock({ deals: 5, seed: 3 });
});
afterAll(async () => {
  closeMailTransports();
  await sink.close();
  await mock.close();
  await testDb.close();
});

const suspend = (suspended: boolean) => updateOrganisation(testDb.db, operator, a.org.id, { suspended });
const addressed = (address: string) => sink.messages.filter((message) => message.to && !Array.isArray(message.to) && message.to.value[0].address === address);

async function queueReport(f: OrgFixture, address: string) {
  const admin = (await loadViewer(testDb.db, f.users.admin.id))!;
  const input = createScheduleSchema.parse({ name: "Продажи", dashboard: "sales", query: "from=2026-01-01&to=2026-01-31", frequency: "weekly", weekday: 1, localTime: "09:00", formats: ["xlsx"], recipients: { emails: [address] } });
  const schedule = await createSchedule(testDb.db, admin, input);
  expect(await sendScheduleNow(testDb.db, admin, schedule.id)).toBe(1);
  return schedule.id;
}

describe("a suspended organisation's outbox", () => {
  it("keeps its queued report mail while the other organisation's goes, and sends it once resumed", async () => {
    const scheduleA = await queueReport(a, "a-reader@example.com");
    await queueReport(b, "b-reader@example.com");
    await suspend(true);
    // Each drain filtered by organisation: on the shared PostgreSQL other files' rows are not ours to send.
    expect(await drainReportDeliveries(testDb.db, { mail, orgId: a.org.id, budgetMs: 30_000 })).toMatchObject({ sent: 0, failed: 0, dead: 0 });
    expect(await drainReportDeliveries(testDb.db, { mail, orgId: b.org.id, budgetMs: 30_000 })).toMatchObject({ sent: 1, failed: 0, dead: 0 });
    expect(addressed("b-reader@example.com")).toHaveLength(1);
    expect(addressed("a-reader@example.com")).toHaveLength(0);
    // A's row is untouched: not claimed, no attempt counted, not dead.
    const [waiting] = await testDb.db.select().from(reportDeliveries).where(eq(reportDeliveries.scheduleId, scheduleA));
    expect(waiting).toMatchObject({ status: "pending", attempts: 0 });

    await suspend(false);
    expect(await drainReportDeliveries(testDb.db, { mail, orgId: a.org.id, budgetMs: 30_000 })).toMatchObject({ sent: 1, failed: 0, dead: 0 });
    expect(addressed("a-reader@example.com")).toHaveLength(1);
    const [sent] = await testDb.db.select().from(reportDeliveries).where(eq(reportDeliveries.scheduleId, scheduleA));
    expect(sent).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("a suspended organisation's syncs", () => {
  it("are passed over by the schedule with the reason, refused when asked for, and a queued one fails saying why", async () => {
    const sourceA = await addCrmSource(testDb.db, a.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
    const sourceB = await addCrmSource(testDb.db, b.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
    // Queued by a web instance before the suspension; a worker takes it after.
    const queued = await requestSync(testDb.db, a.org.id, sourceA.id, { mode: "full" }, "web");
    await suspend(true);

    const results = await syncAllSources(testDb.db, { mode: "full", budgetMs: 60_000, deps: fast, orgIds: [a.org.id, b.org.id] });
    expect(results).toEqual([
      { sourceId: sourceA.id, status: "suspended", error: "The organisation has been suspended by the service operator" },
      { sourceId: sourceB.id, status: "succeeded", error: null },
    ]);
    expect(await liveDeals(testDb.db, sourceB.id)).toHaveLength(5);

    await expect(startSync(testDb.db, a.org.id, sourceA.id, { mode: "incremental", deps: fast })).rejects.toMatchObject({ status: 403, code: "organisation_suspended" });
    const summary = await runQueuedSync(testDb.db, queued.runId, { deps: fast });
    expect(summary).toMatchObject({ status: "failed", failure: { code: "organisation_suspended" } });
    // A's only run is that failed one; nothing of its CRM was read.
    const runsA = await testDb.db.select({ status: syncRuns.status, failure: syncRuns.failure }).from(syncRuns).where(and(eq(syncRuns.orgId, a.org.id)));
    expect(runsA).toEqual([{ status: "failed", failure: { code: "organisation_suspended" } }]);
    expect(await liveDeals(testDb.db, sourceA.id)).toHaveLength(0);

    await suspend(false);
    const resumed = await syncAllSources(testDb.db, { mode: "full", budgetMs: 60_000, deps: fast, orgIds: [a.org.id] });
    expect(resumed).toEqual([{ sourceId: sourceA.id, status: "succeeded", error: null }]);
    expect(await liveDeals(testDb.db, sourceA.id)).toHaveLength(5);
  });
});

describe("a suspended organisation's webhook inbox", () => {
  it("keeps the events stored before the suspension unprocessed, and applies them once resumed", async () => {
    const s = await createWebhookSources(testDb.db, a.org.id);
    const eventId = await storeInboxEvent(testDb.db, { orgId: a.org.id, sourceId: s.bitrix.id, eventType: "ONCRMDEALDELETE", contentType: "application/x-www-form-urlencoded", headers: {}, body: bitrixEvent("ONCRMDEALDELETE", "77", { token: "***" }), status: "pending" });
    const eventRow = async () => (await testDb.db.select({ status: webhookEvents.status, attempts: webhookEvents.attempts }).from(webhookEvents).where(eq(webhookEvents.id, eventId)))[0];
    const drain = () => drainInbox(testDb.db, { orgId: a.org.id, budgetMs: 10_000, deps: { bitrixFetcherFor: () => ({ getById: async () => null }) } });
    await suspend(true);
    expect(await drain()).toMatchObject({ done: 0, failed: 0, dead: 0, exhausted: false });
    expect(await eventRow()).toEqual({ status: "pending", attempts: 0 });
    await suspend(false);
    expect(await drain()).toMatchObject({ done: 1 });
    expect(await eventRow()).toMatchObject({ status: "done" });
  });
});
