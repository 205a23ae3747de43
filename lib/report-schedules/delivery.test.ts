// Scheduled reports end to end below the UI: a schedule → its run's outbox rows → the worker → a
// real SMTP server in this process, each message read back with mailparser and its XLSX and PDF
// opened. The point: every recipient's attachments hold their own scope's figures.
import ExcelJS from "exceljs";
import type { ParsedMail } from "mailparser";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDeliveries, reportSchedules } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { pdfText } from "@/lib/export/test/read-pdf";
import { createExportFixture, type ExportFixture } from "@/lib/export/test/export-fixture";
import { closeMailTransports, type MailConfig } from "@/lib/mail/mailer";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/test/smtp-sink";
import { drainReportDeliveries } from "./deliver";
import { planDueRuns, sendScheduleNow } from "./plan";
import { createSchedule } from "./schedules";
import { createScheduleSchema } from "./schemas";
import { createSavedView } from "@/lib/saved-views/save";
import { createSavedViewSchema } from "@/lib/saved-views/schemas";
import { unsubscribe, unsubscribeToken } from "./unsubscribe";
import { env } from "@/lib/env";
import { saveNotificationSettings } from "@/lib/notifications/settings";
import { startMockTelegram } from "@/lib/notifications/test/mock-telegram";
import { BOT_TOKEN, TEST_ENCRYPTION_KEY } from "@/lib/notifications/test/sales-org";

let testDb: TestDb;
let fx: ExportFixture;
let sink: SmtpSink;
let mail: MailConfig;
const viewers = {} as Record<"admin" | "director" | "alice" | "bob", Viewer>;
const Q1 = "from=2025-01-01&to=2025-03-31";
const NBSP = /[\u00a0\u202f]/g;

beforeAll(async () => {
  testDb = await createTestDb();
  fx = await createExportFixture(testDb);
  for (const who of ["admin", "director", "alice", "bob"] as const) viewers[who] = (await loadViewer(testDb.db, fx.f.users[who].id))!;
  sink = await startSmtpSink();
  mail = { url: sink.url, from: "Voronka <reports@voronka.test>" };
});
afterAll(async () => {
  closeMailTransports();
  await sink.close();
  await testDb.close();
});

const weekly = (patch: Record<string, unknown>) => createScheduleSchema.parse({ name: "Продажи за квартал", dashboard: "sales", query: Q1, frequency: "weekly", weekday: 1, localTime: "09:00", formats: ["xlsx", "pdf"], ...patch });
const drain = () => drainReportDeliveries(testDb.db, { mail, orgId: fx.f.org.id, budgetMs: 60_000 });
const messageTo = (address: string) => sink.messages.find((message) => message.to && !Array.isArray(message.to) && message.to.value[0].address === address);

/** The won revenue of the quarter as the attachment's «Итого» row says it. */
async function xlsxRevenue(message: ParsedMail): Promise<number> {
  const file = message.attachments.find((attachment) => attachment.filename?.endsWith(".xlsx"))!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[1];
  const header = Array.from(sheet.getRow(1).values as unknown[], (value) => String(value ?? ""));
  expect(sheet.name).toBe("Продажи по месяцам");
  const column = header.findIndex((title) => title.startsWith("Выручка"));
  expect(sheet.lastRow!.getCell(1).value).toBe("Итого");
  return Number(sheet.lastRow!.getCell(column).value);
}

function pdfOf(message: ParsedMail): string {
  return pdfText(message.attachments.find((attachment) => attachment.filename?.endsWith(".pdf"))!.content).text;
}

describe("scheduled reports: each recipient their own scope", () => {
  it("sends the director's department schedule to each manager with their own numbers only", async () => {
    const schedule = await createSchedule(testDb.db, viewers.director, weekly({ query: `${Q1}&departmentId=${fx.f.departments.sales.id}`, recipients: { userIds: [fx.f.users.alice.id, fx.f.users.bob.id, fx.f.users.director.id] } }));
    expect(await sendScheduleNow(testDb.db, viewers.director, schedule.id)).toBe(3);
    expect(await drain()).toMatchObject({ sent: 3, failed: 0, dead: 0 });
    const [alice, bob, director] = [messageTo(fx.f.users.alice.email)!, messageTo(fx.f.users.bob.email)!, messageTo(fx.f.users.director.email)!];
    // alice 100 000 + 50 000.50; bob 30 000; the director their department: 150 000.50 + 30 000 = 180 000.50
    expect(await xlsxRevenue(alice)).toBe(150000.5);
    expect(await xlsxRevenue(bob)).toBe(30000);
    expect(await xlsxRevenue(director)).toBe(180000.5);
    // The PDF the same; no colleague's figure in a manager's file.
    expect(pdfOf(alice)).toContain("150 001");
    expect(pdfOf(alice)).not.toContain("30 000");
    expect(pdfOf(bob)).not.toContain("150 001");
    expect(alice.text!.replace(NBSP, " ")).toContain("• Выручка: 150 001 ₸");
    expect(bob.text!.replace(NBSP, " ")).toContain("• Выручка: 30 000 ₸");
    expect(alice.subject).toBe("Продажи за квартал — 1 янв – 31 мар 2025");
    expect(alice.attachments.map((a) => a.filename)).toEqual(["dashboard-sales_2025-01-01_2025-03-31.pdf", "dashboard-sales_2025-01-01_2025-03-31.xlsx"]);
    const header = (key: string) => alice.headerLines.find((line) => line.key === key)?.line;
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")?.replace(/\r\n\s+/g, " ")).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/report-schedules\/unsubscribe\?token=[0-9a-f-]{36}\.[\w-]{43}>$/);
  });

  it("sends the director's saved built report to each manager with their own rows only", async () => {
    sink.messages.length = 0;
    const report = { measures: ["wonRevenue", "wonDeals"], dimensions: ["manager"], period: { from: "2025-01-01", to: "2025-03-31" } };
    const view = await createSavedView(testDb.db, viewers.director, createSavedViewSchema.parse({ name: "Отдел по менеджерам", dashboard: "builder", report, visibility: "department" }));
    const schedule = await createSchedule(testDb.db, viewers.director, weekly({ dashboard: null, query: "", viewId: view.id, formats: ["xlsx"], recipients: { userIds: [fx.f.users.alice.id, fx.f.users.bob.id, fx.f.users.director.id] } }));
    expect(await sendScheduleNow(testDb.db, viewers.director, schedule.id)).toBe(3);
    expect(await drain()).toMatchObject({ sent: 3, failed: 0, dead: 0 });
    const rowsOf = async (address: string) => {
      const message = messageTo(address)!;
      expect(message.attachments.map((a) => a.filename)).toEqual(["custom-report_2025-01-01_2025-03-31.xlsx"]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(message.attachments[0].content as unknown as ArrayBuffer);
      return workbook.worksheets[1].getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    };
    // alice 100 000 + 50 000.50 in 2; bob 30 000 in 1; the director both: 180 000.50 in 3.
    expect(await rowsOf(fx.f.users.alice.email)).toEqual([["Анна Петрова", 150000.5, 2], ["Итого", 150000.5, 2]]);
    expect(await rowsOf(fx.f.users.bob.email)).toEqual([[`'=HYPERLINK("http://evil.example","x")`, 30000, 1], ["Итого", 30000, 1]]);
    expect((await rowsOf(fx.f.users.director.email)).at(-1)).toEqual(["Итого", 180000.5, 3]);
    const aliceText = messageTo(fx.f.users.alice.email)!.text!.replace(NBSP, " ");
    expect(aliceText).toContain("• Выручка (выигранные): 150 000,50 ₸\n• Выигранные сделки: 2");
    expect(aliceText).not.toContain("30 000");
    expect(aliceText).toContain("/builder?m=wonRevenue%2CwonDeals&d=manager&from=2025-01-01&to=2025-03-31&chart=bar");
  });

  it("sends an outside address the creator's scope (the admin's: the whole company), and refuses addresses from a director", async () => {
    sink.messages.length = 0;
    const schedule = await createSchedule(testDb.db, viewers.admin, weekly({ recipients: { userIds: [fx.f.users.alice.id], emails: ["Partner@Example.com"] } }));
    expect(schedule.recipients.map((r) => [r.email, r.scope])).toEqual([[fx.f.users.alice.email, "own"], ["partner@example.com", "creator"]]);
    await sendScheduleNow(testDb.db, viewers.admin, schedule.id);
    await drain();
    // 150 000.50 + 30 000 + 20 000 (carol, another department) = 200 000.50; the other organisation's 555 555 nowhere
    expect(await xlsxRevenue(messageTo("partner@example.com")!)).toBe(200000.5);
    expect(await xlsxRevenue(messageTo(fx.f.users.alice.email)!)).toBe(150000.5);
    expect(messageTo("partner@example.com")!.text).toContain("в доступе admin");
    await expect(createSchedule(testDb.db, viewers.director, weekly({ recipients: { emails: ["x@example.com"] } }))).rejects.toMatchObject({ code: "report_schedule_emails_admin_only", field: "recipients.emails" });
    await expect(createSchedule(testDb.db, viewers.director, weekly({ recipients: { userIds: [fx.f.users.carol.id] } }))).rejects.toMatchObject({ code: "report_schedule_recipient_outside" });
  });
});

describe("scheduled reports: outbox, retries, unsubscribe, planning", () => {
  it("retries a message the SMTP server deferred (451) and sends it when due again", async () => {
    sink.messages.length = 0;
    const schedule = await createSchedule(testDb.db, viewers.admin, weekly({ formats: ["xlsx"], recipients: { emails: ["later@example.com"] } }));
    await sendScheduleNow(testDb.db, viewers.admin, schedule.id);
    sink.refuse = () => 451;
    expect(await drain()).toMatchObject({ sent: 0, failed: 1 });
    sink.refuse = () => null;
    const [row] = await testDb.db.select().from(reportDeliveries).where(eq(reportDeliveries.scheduleId, schedule.id));
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastFailure: { code: "report_mail_failed", params: { status: 451 } } });
    // 30 s later the back-off is over
    const later = new Date(row.nextAttemptAt.getTime() + 1000);
    expect(await drainReportDeliveries(testDb.db, { mail, orgId: fx.f.org.id, now: () => later })).toMatchObject({ sent: 1 });
    expect(sink.messages).toHaveLength(1);
  });

  it("unsubscribes through the signed link without signing in; a forged link does nothing", async () => {
    const schedule = await createSchedule(testDb.db, viewers.admin, weekly({ recipients: { userIds: [fx.f.users.alice.id], emails: ["keep@example.com"] } }));
    const alice = schedule.recipients.find((r) => r.userId)!;
    const forged = `${alice.id}.${"A".repeat(43)}`;
    await expect(unsubscribe(testDb.db, forged)).rejects.toMatchObject({ code: "report_unsubscribe_invalid" });
    expect((await unsubscribe(testDb.db, unsubscribeToken(alice.id))).isUnsubscribed).toBe(true);
    expect(await sendScheduleNow(testDb.db, viewers.admin, schedule.id)).toBe(1); // keep@ only
  });

  it("plans a schedule that came due once, and moves its next run to the following Monday 09:00 Almaty", async () => {
    const schedule = await createSchedule(testDb.db, viewers.admin, weekly({ recipients: { emails: ["plan@example.com"] } }));
    const due = new Date("2026-12-07T04:00:00Z"); // Monday 7 December 2026, 09:00 in Almaty
    await testDb.db.update(reportSchedules).set({ nextRunAt: due }).where(eq(reportSchedules.id, schedule.id));
    const now = new Date("2026-12-07T04:00:30Z");
    expect(await planDueRuns(testDb.db, now)).toBeGreaterThanOrEqual(1);
    expect(await planDueRuns(testDb.db, now)).toBe(0);
    const [row] = await testDb.db.select().from(reportSchedules).where(eq(reportSchedules.id, schedule.id));
    expect([row.lastRunAt?.toISOString(), row.nextRunAt.toISOString()]).toEqual(["2026-12-07T04:00:00.000Z", "2026-12-14T04:00:00.000Z"]);
  });
});

describe("scheduled reports: Telegram", () => {
  it("sends the summary to a chat through the notifications' bot, in the creator's scope, retrying a 502", async () => {
    env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;
    await saveNotificationSettings(testDb.db, viewers.admin, { isEnabled: false, botToken: BOT_TOKEN, fallbackChatId: null });
    const telegram = await startMockTelegram({ token: BOT_TOKEN, chats: ["-1005"] });
    try {
      const schedule = await createSchedule(testDb.db, viewers.director, weekly({ channel: "telegram", telegramChatId: "-1005" }));
      expect(await sendScheduleNow(testDb.db, viewers.director, schedule.id)).toBe(1);
      telegram.failNext(1, { status: 502 });
      const options = { mail, orgId: fx.f.org.id, telegram: { baseUrl: telegram.baseUrl } };
      expect(await drainReportDeliveries(testDb.db, options)).toMatchObject({ failed: 1 });
      expect(await drainReportDeliveries(testDb.db, { ...options, now: () => new Date(Date.now() + 60_000) })).toMatchObject({ sent: 1 });
      const [message] = telegram.delivered();
      expect(message.chatId).toBe("-1005");
      // The director's department: 150 000.50 + 30 000 = 180 000.50, rounded to 180 001 in the summary
      expect(message.text.replace(NBSP, " ")).toContain("• Выручка: 180 001 ₸");
      expect(message.text).toContain("в доступе director");
    } finally {
      await telegram.close();
    }
  });
});

