// Editing a schedule on /schedules: the edit form's body (schedule-body.ts, the same function the
// form calls) sent to PATCH /api/report-schedules/<id> changes what a person changed, keeps the
// filters the form does not show, and a refusal changes nothing.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { GET as getOne, PATCH } from "@/app/api/report-schedules/[id]/route";
import { POST } from "@/app/api/report-schedules/route";
import { bodyOf } from "./schedule-body";

let testDb: TestDb;
let f: OrgFixture;
let token: string;
let scheduleId: string;
let storedQuery: string;

/** The fields as the edit form submits them: what it starts from, with a person's changes on top. */
function submitted(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  return data;
}
const unchanged = () => ({ name: "Неделя", source: "overview", preset: "last-week", frequency: "weekly", weekday: "1", localTime: "09:00", formats: ["pdf"], channel: "email", userIds: [f.users.alice.id], emails: "" });
const patch = (body: unknown) => callRoute(PATCH, `/api/report-schedules/${scheduleId}`, { as: { token }, method: "PATCH", params: { id: scheduleId }, body });
const read = async () => (await callRoute(getOne, `/api/report-schedules/${scheduleId}`, { as: { token }, params: { id: scheduleId } })).body.schedule;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  token = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "t")).token;
  // Made through the API with a pipeline filter the form has no control for.
  const created = await callRoute(POST, "/api/report-schedules", {
    as: { token },
    method: "POST",
    body: { name: "Неделя", dashboard: "overview", query: `preset=last-week&pipelineId=${f.pipeline.id}`, frequency: "weekly", weekday: 1, localTime: "09:00", recipients: { userIds: [f.users.alice.id] } },
  });
  expect(created.status).toBe(201);
  scheduleId = created.body.schedule.id;
  storedQuery = created.body.schedule.query;
});
afterAll(() => testDb.close());

describe("editing a schedule", () => {
  it("changes the name, the rule, the period, the files and the recipients, and keeps the pipeline filter", async () => {
    const form = submitted({ ...unchanged(), name: "Месяц отдела", preset: "this-month", frequency: "monthly", monthDay: "15", localTime: "08:30", formats: ["pdf", "xlsx"], userIds: [f.users.bob.id, f.users.carol.id] });
    const answer = await patch(bodyOf(form, storedQuery));
    expect(answer.status).toBe(200);
    const schedule = await read();
    expect(schedule).toMatchObject({ name: "Месяц отдела", frequency: "monthly", monthDay: 15, weekday: null, localTime: "08:30", formats: ["pdf", "xlsx"], channel: "email" });
    expect(new URLSearchParams(schedule.query).get("preset")).toBe("this-month");
    expect(new URLSearchParams(schedule.query).get("pipelineId")).toBe(f.pipeline.id);
    expect(schedule.recipients.map((recipient: { userId: string }) => recipient.userId).sort()).toEqual([f.users.bob.id, f.users.carol.id].sort());
    // The next message: the 15th at 08:30 in Almaty (UTC+5) is 03:30 UTC.
    expect(new Date(schedule.nextRunAt).getUTCDate()).toBe(15);
    expect(new Date(schedule.nextRunAt).toISOString().slice(11, 16)).toBe("03:30");
    storedQuery = schedule.query;
    const audit = await testDb.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.orgId, f.org.id), eq(auditLog.targetId, scheduleId)));
    expect(audit.map((entry) => entry.action)).toEqual(["report_schedule.create", "report_schedule.update"]);
  });

  it("switching to Telegram keeps no e-mail recipients and stores the chat", async () => {
    const form = submitted({ ...unchanged(), preset: "this-month", frequency: "monthly", monthDay: "15", localTime: "08:30", channel: "telegram", telegramChatId: "-1001234567890" });
    expect((await patch(bodyOf(form, storedQuery))).status).toBe(200);
    expect(await read()).toMatchObject({ channel: "telegram", telegramChatId: "-1001234567890", recipients: [] });
  });

  it("a refused edit (no time, a weekly rule without its weekday) is a 400 naming the field and changes nothing", async () => {
    const before = await read();
    const noTime = await patch(bodyOf(submitted({ ...unchanged(), localTime: "" }), storedQuery));
    expect([noTime.status, noTime.body.error.field]).toEqual([400, "localTime"]);
    const noWeekday = await patch({ ...bodyOf(submitted(unchanged()), storedQuery), weekday: null });
    expect([noWeekday.status, noWeekday.body.error.field]).toEqual([400, "weekday"]);
    expect(await read()).toEqual(before);
  });
});
