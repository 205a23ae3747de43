// The schedules API as a script calls it: bad input is a 400 naming the field, a manager is refused,
// another organisation's schedule is not found, every change is audited; unsubscribing needs no session.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, reportRecipients, reportSchedules } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createExportFixture, type ExportFixture } from "@/lib/export/test/export-fixture";
import { createApiToken } from "@/lib/auth/tokens";
import { unsubscribeToken } from "@/lib/report-schedules/unsubscribe";
import { GET as cronReports } from "../cron/reports/route";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { POST as sendNow } from "./[id]/send/route";
import { GET, POST } from "./route";
import { POST as unsubscribePost } from "./unsubscribe/route";

let testDb: TestDb;
let fx: ExportFixture;
let otherAdmin: string;
beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createExportFixture(testDb);
  otherAdmin = (await createApiToken(testDb.db, { orgId: fx.other.org.id, userId: fx.other.users.admin.id }, "t")).token;
});
afterAll(() => testDb.close());

const as = (who: keyof ExportFixture["tokens"]) => ({ token: fx.tokens[who] });
const body = (patch: Record<string, unknown> = {}) => ({ name: "Неделя отдела", dashboard: "overview", frequency: "weekly", weekday: 1, localTime: "09:00", recipients: { userIds: [fx.f.users.alice.id] }, ...patch });

describe("/api/report-schedules", () => {
  it("creates, lists, changes and deletes a schedule, each change in the audit log", async () => {
    const created = await callRoute(POST, "/api/report-schedules", { as: as("director"), method: "POST", body: body({ formats: ["xlsx"] }) });
    expect(created.status).toBe(201);
    const id = created.body.schedule.id as string;
    expect(created.body.schedule).toMatchObject({ name: "Неделя отдела", frequency: "weekly", weekday: 1, formats: ["xlsx"], recipients: [{ userId: fx.f.users.alice.id, scope: "own" }] });
    expect((await callRoute(GET, "/api/report-schedules", { as: as("director") })).body.schedules.map((s: { id: string }) => s.id)).toEqual([id]);
    const changed = await callRoute(PATCH, `/api/report-schedules/${id}`, { as: as("director"), method: "PATCH", params: { id }, body: { frequency: "monthly", monthDay: 31, recipients: { userIds: [fx.f.users.bob.id] } } });
    expect(changed.status).toBe(200);
    expect(changed.body.schedule).toMatchObject({ frequency: "monthly", monthDay: 31, recipients: [{ userId: fx.f.users.bob.id }] });
    expect((await callRoute(sendNow, `/api/report-schedules/${id}/send`, { as: as("director"), method: "POST", params: { id } })).body).toEqual({ queued: 1 });
    const read = await callRoute(getOne, `/api/report-schedules/${id}`, { as: as("director"), params: { id } });
    expect(read.body.history).toMatchObject([{ status: "pending", channel: "email" }]);
    expect((await callRoute(DELETE, `/api/report-schedules/${id}`, { as: as("director"), method: "DELETE", params: { id } })).status).toBe(204);
    const actions = await testDb.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.orgId, fx.f.org.id), eq(auditLog.targetId, id))).orderBy(auditLog.createdAt);
    expect(actions.map((a) => a.action)).toEqual(["report_schedule.create", "report_schedule.update", "report_schedule.send", "report_schedule.delete"]);
  });

  it("keeps a due run when a change leaves the rule as it was, and re-plans when the rule changes", async () => {
    const created = await callRoute(POST, "/api/report-schedules", { as: as("director"), method: "POST", body: body() });
    const id = created.body.schedule.id as string;
    // Due a minute ago, not yet picked up by the scheduler.
    const due = new Date(Date.now() - 60_000);
    await testDb.db.update(reportSchedules).set({ nextRunAt: due }).where(eq(reportSchedules.id, id));
    const nextRunOf = async () => (await testDb.db.select({ at: reportSchedules.nextRunAt }).from(reportSchedules).where(eq(reportSchedules.id, id)))[0].at;
    // The edit form sends every field: the same weekday and time with a new name.
    await callRoute(PATCH, `/api/report-schedules/${id}`, { as: as("director"), method: "PATCH", params: { id }, body: { name: "Неделя отдела (новое имя)", frequency: "weekly", weekday: 1, localTime: "09:00", isEnabled: true } });
    expect((await nextRunOf()).toISOString()).toBe(due.toISOString());
    // A new time is a new plan: the next run is in the future.
    await callRoute(PATCH, `/api/report-schedules/${id}`, { as: as("director"), method: "PATCH", params: { id }, body: { localTime: "10:00" } });
    expect((await nextRunOf()).getTime()).toBeGreaterThan(Date.now());
    await callRoute(DELETE, `/api/report-schedules/${id}`, { as: as("director"), method: "DELETE", params: { id } });
  });

  it("answers bad input with a 400 naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ localTime: "9:00" }, "localTime"],
      [{ weekday: null }, "weekday"],
      [{ frequency: "hourly" }, "frequency"],
      [{ formats: ["docx"] }, "formats.0"],
      [{ recipients: { emails: ["not-an-address"] } }, "recipients.emails.0"],
      [{ recipients: { userIds: [] } }, "recipients"],
      [{ query: "preset=yesterday" }, "query.preset"],
      [{ channel: "telegram" }, "telegramChatId"],
    ];
    for (const [patch, field] of cases) {
      const answer = await callRoute(POST, "/api/report-schedules", { as: as("admin"), method: "POST", body: body(patch) });
      expect([answer.status, answer.body.error.field], JSON.stringify(patch)).toEqual([400, field]);
    }
  });

  it("refuses managers, and another organisation's schedule is not found", async () => {
    expect((await callRoute(GET, "/api/report-schedules", { as: as("alice") })).status).toBe(403);
    const created = await callRoute(POST, "/api/report-schedules", { as: as("admin"), method: "POST", body: body() });
    const id = created.body.schedule.id as string;
    const foreign = await callRoute(getOne, `/api/report-schedules/${id}`, { as: { token: otherAdmin }, params: { id } });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, "report_schedule_not_found"]);
    // A director does not manage the admin's schedule.
    expect((await callRoute(PATCH, `/api/report-schedules/${id}`, { as: as("director"), method: "PATCH", params: { id }, body: { name: "x" } })).status).toBe(404);
  });

  it("unsubscribes with the signed token and no session; a forged one is a 400", async () => {
    const created = await callRoute(POST, "/api/report-schedules", { as: as("admin"), method: "POST", body: body({ recipients: { emails: ["client@example.com"] } }) });
    const recipientId = created.body.schedule.recipients[0].id as string;
    const forged = await callRoute(unsubscribePost, `/api/report-schedules/unsubscribe?token=${recipientId}.AAAA`, { method: "POST", body: "" });
    expect([forged.status, forged.body.error.code]).toEqual([400, "report_unsubscribe_invalid"]);
    const ok = await callRoute(unsubscribePost, "/api/report-schedules/unsubscribe", { method: "POST", body: "List-Unsubscribe=One-Click", headers: {} });
    expect(ok.status).toBe(400);
    const done = await callRoute(unsubscribePost, `/api/report-schedules/unsubscribe?token=${encodeURIComponent(unsubscribeToken(recipientId))}`, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(done.body).toEqual({ scheduleName: "Неделя отдела", email: "client@example.com", isUnsubscribed: true });
    const [row] = await testDb.db.select().from(reportRecipients).where(eq(reportRecipients.id, recipientId));
    expect(row.unsubscribedAt).not.toBeNull();
  });

  it("keeps the cron route closed without CRON_SECRET", async () => {
    expect((await callRoute(cronReports, "/api/cron/reports")).status).toBe(401);
  });
});
