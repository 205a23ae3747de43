// Anomaly e-mails end to end below the UI: stored anomalies → the outbox → a real SMTP server in
// this process, each message read back with mailparser. Who hears: the admin every organisation
// series, the director their department's series and their managers' activity, managers nothing;
// once per anomaly; "try again later" retried, "never" given up; history and no SMTP mail nobody.
// A person's own switch (mail-preference.ts): off, they are left out and a queued message is not
// sent; each message's link (and List-Unsubscribe header) turns it off without signing in.
import type { ParsedMail } from "mailparser";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anomalies, anomalyMails, auditLog, notificationSettings, users } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { closeMailTransports, type MailConfig } from "@/lib/mail/mailer";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/test/smtp-sink";
import { drainAnomalyMails, MAIL_NEWS_WINDOW_MS, queueAnomalyMails } from "./mail";
import { anomalyUnsubscribeToken, findAnomalyMailTarget, setAnomalyEmails, unsubscribeFromAnomalyMails } from "./mail-preference";

let testDb: TestDb;
let sink: SmtpSink;
let mail: MailConfig;
const NOW = new Date("2026-12-07T06:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  sink = await startSmtpSink();
  mail = { url: sink.url, from: "Voronka <alerts@voronka.test>" };
});
afterAll(async () => {
  closeMailTransports();
  await sink.close();
  await testDb.close();
});

type Planted = Partial<typeof anomalies.$inferInsert> & Pick<typeof anomalies.$inferInsert, "type" | "seriesKey" | "audience">;
async function plant(f: OrgFixture, anomaly: Planted) {
  const [row] = await testDb.db
    .insert(anomalies)
    .values({ orgId: f.org.id, fromDay: "2026-12-03", toDay: "2026-12-05", days: 3, expected: 21, actual: 0, direction: "drop", score: 6, severity: "high", detectedAt: NOW, ...anomaly })
    .returning();
  return row;
}

const addressOf = (message: ParsedMail) => (Array.isArray(message.to) ? message.to[0] : message.to)!.value[0].address!;
/** Who received what, by the user names the fixture gives (admin, director, …). */
function received(f: OrgFixture, messages: ParsedMail[]): string[] {
  const nameOf = (address: string) => Object.values(f.users).find((user) => user.email === address)?.name ?? address;
  return messages.map((message) => `${nameOf(addressOf(message))}: ${message.subject}`).sort();
}
const mine = (f: OrgFixture) => sink.messages.filter((message) => Object.values(f.users).some((user) => user.email === addressOf(message)));

describe("anomaly e-mails", () => {
  it("go once to each person whose Attention panel shows the anomaly, in their language", async () => {
    const f = await createOrgFixture(testDb.db);
    await testDb.db.update(users).set({ locale: "en" }).where(eq(users.id, f.users.director.id));
    await plant(f, { type: "leads_source", seriesKey: "Веб-сайт", audience: "org" });
    await plant(f, { type: "won_revenue", seriesKey: "", audience: "department", departmentId: f.departments.sales.id, direction: "spike", actual: 900_000, expected: 300_000 });
    await plant(f, { type: "calls", seriesKey: f.crmUsers.alice.id, audience: "org", crmUserId: f.crmUsers.alice.id });
    // carol is in Online: the Sales director does not hear about her calls.
    await plant(f, { type: "calls", seriesKey: f.crmUsers.carol.id, audience: "org", crmUserId: f.crmUsers.carol.id, fromDay: "2026-12-01" });
    // Found three days ago and never queued (before e-mails existed): history, not mailed.
    await plant(f, { type: "leads_utm", seriesKey: "google", audience: "org", detectedAt: new Date(NOW.getTime() - MAIL_NEWS_WINDOW_MS - 60_000) });

    // admin: 3 org series (Веб-сайт, alice's calls, carol's calls); director: Sales revenue + alice's calls = 5.
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(5);
    expect(await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: NOW, mail })).toEqual({ sent: 5, failed: 0, dead: 0 });
    await sink.waitFor(5);
    expect(received(f, mine(f))).toEqual([
      "admin: Voronka: Звонки менеджера «alice»: ниже обычного",
      "admin: Voronka: Звонки менеджера «carol»: ниже обычного",
      "admin: Voronka: Лиды из источника «Веб-сайт»: ниже обычного",
      "director: Voronka: Manager's calls «alice»: below usual",
      "director: Voronka: Won revenue: above usual",
    ]);
    const revenue = mine(f).find((message) => message.subject === "Voronka: Won revenue: above usual")!;
    expect(revenue.text).toContain("03.12.2026 – 05.12.2026: 900,000 instead of the usual ~300,000\nDepartment: Sales\nSeverity: high");
    expect(revenue.text).toContain("/overview");

    // Once each: the next pass queues nothing and sends nothing.
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(0);
    expect(await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: NOW, mail })).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(mine(f)).toHaveLength(5);
  });

  it("retries a 451 (try again later) when its time comes, and gives up on a 550", async () => {
    const f = await createOrgFixture(testDb.db);
    await plant(f, { type: "leads_source", seriesKey: "Instagram", audience: "org" });
    await plant(f, { type: "won_revenue", seriesKey: "", audience: "department", departmentId: f.departments.sales.id });
    sink.refuse = (to) => (to.includes(f.users.admin.email) ? 451 : to.includes(f.users.director.email) ? 550 : null);
    try {
      expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(2);
      expect(await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: NOW, mail })).toEqual({ sent: 0, failed: 1, dead: 1 });
      const rows = await testDb.db.select().from(anomalyMails).where(eq(anomalyMails.orgId, f.org.id));
      expect(rows.map((row) => [row.status, row.address, row.lastError?.slice(0, 8)]).sort()).toEqual([
        ["dead", f.users.director.email, "SMTP 550"],
        ["failed", f.users.admin.email, "SMTP 451"],
      ]);
      // Not due yet a second later; due after the back-off.
      sink.refuse = () => null;
      expect(await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: new Date(NOW.getTime() + 1000), mail })).toEqual({ sent: 0, failed: 0, dead: 0 });
      const retryAt = rows.find((row) => row.status === "failed")!.nextAttemptAt;
      expect(await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: retryAt, mail })).toEqual({ sent: 1, failed: 0, dead: 0 });
      await sink.waitFor(1);
      expect(received(f, mine(f))).toEqual(["admin: Voronka: Лиды из источника «Instagram»: ниже обычного"]);
    } finally {
      sink.refuse = () => null;
    }
  });

  it("with the organisation's anomaly e-mails turned off, new anomalies are stamped and never mailed", async () => {
    const f = await createOrgFixture(testDb.db);
    await testDb.db.insert(notificationSettings).values({ orgId: f.org.id, anomalyEmails: false });
    await plant(f, { type: "leads_source", seriesKey: "TikTok", audience: "org" });
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(0);
    await testDb.db.update(notificationSettings).set({ anomalyEmails: true }).where(eq(notificationSettings.orgId, f.org.id));
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(0);
    expect(await testDb.db.select().from(anomalyMails).where(eq(anomalyMails.orgId, f.org.id))).toEqual([]);
  });

  it("without SMTP, new anomalies are stamped and never mailed later, when SMTP is set", async () => {
    const f = await createOrgFixture(testDb.db);
    const row = await plant(f, { type: "leads_source", seriesKey: "Звонок", audience: "org" });
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail: null })).toBe(0);
    const [stamped] = await testDb.db.select({ at: anomalies.mailQueuedAt }).from(anomalies).where(and(eq(anomalies.orgId, f.org.id), eq(anomalies.id, row.id)));
    expect(stamped.at).toEqual(NOW);
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(0);
    expect(await testDb.db.select().from(anomalyMails).where(eq(anomalyMails.orgId, f.org.id))).toEqual([]);
  });
});

/** alice's calls dropped: alice is in Sales, so both the admin and the Sales director see it. */
const plantAliceCalls = (f: OrgFixture) => plant(f, { type: "calls", seriesKey: f.crmUsers.alice.id, audience: "org", crmUserId: f.crmUsers.alice.id });
const to = (email: string) => sink.messages.filter((message) => addressOf(message) === email);
const wantsMail = async (userId: string) => (await testDb.db.select({ on: users.anomalyEmails }).from(users).where(eq(users.id, userId)))[0].on;

describe("a person's own switch for anomaly e-mails", () => {
  it("leaves out a director who turned them off; the admin still gets theirs", async () => {
    const f = await createOrgFixture(testDb.db);
    await setAnomalyEmails(testDb.db, { userId: f.users.director.id, orgId: f.org.id, actorId: f.users.director.id }, false);
    await plantAliceCalls(f);
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(1);
    expect(await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: NOW, mail })).toEqual({ sent: 1, failed: 0, dead: 0 });
    await sink.waitFor(1);
    expect(to(f.users.admin.email)).toHaveLength(1);
    expect(to(f.users.director.email)).toHaveLength(0);
    const audit = await testDb.db.select({ action: auditLog.action, userId: auditLog.userId, targetId: auditLog.targetId }).from(auditLog).where(eq(auditLog.orgId, f.org.id));
    expect(audit).toEqual([{ action: "anomaly_emails.off", userId: f.users.director.id, targetId: f.users.director.id }]);
  });

  it("does not send a message queued before the person turned them off", async () => {
    const f = await createOrgFixture(testDb.db);
    await plantAliceCalls(f);
    expect(await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail })).toBe(2);
    await setAnomalyEmails(testDb.db, { userId: f.users.admin.id, orgId: f.org.id, actorId: f.users.admin.id }, false);
    expect(await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: NOW, mail })).toEqual({ sent: 1, failed: 0, dead: 1 });
    const [adminRow] = await testDb.db.select().from(anomalyMails).where(and(eq(anomalyMails.orgId, f.org.id), eq(anomalyMails.userId, f.users.admin.id)));
    expect([adminRow.status, adminRow.lastError]).toEqual(["dead", "The recipient turned anomaly e-mails off; nothing was sent"]);
  });

  it("each message's link turns them off without signing in, once; a forged link changes nothing", async () => {
    const f = await createOrgFixture(testDb.db);
    await plantAliceCalls(f);
    await queueAnomalyMails(testDb.db, f.org.id, { now: NOW, mail });
    await drainAnomalyMails(testDb.db, { orgId: f.org.id, now: NOW, mail });
    await sink.waitFor(2);
    const [message] = to(f.users.director.email);
    const token = anomalyUnsubscribeToken(f.users.director.id);
    expect(message.text).toContain(`Не присылать мне такие письма: http://localhost:3000/unsubscribe?anomalies=${encodeURIComponent(token)}`);
    const header = (key: string) => message.headerLines.find((line) => line.key === key)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <http://localhost:3000/api/anomalies/unsubscribe?token=${encodeURIComponent(token)}>`);

    await expect(unsubscribeFromAnomalyMails(testDb.db, `${f.users.director.id}.AAAA`)).rejects.toMatchObject({ status: 400, code: "anomaly_unsubscribe_invalid" });
    await expect(findAnomalyMailTarget(testDb.db, anomalyUnsubscribeToken(f.users.director.id, "another-secret-of-32-characters!!"))).rejects.toMatchObject({ code: "anomaly_unsubscribe_invalid" });
    expect(await wantsMail(f.users.director.id)).toBe(true);

    expect(await unsubscribeFromAnomalyMails(testDb.db, token)).toEqual({ userId: f.users.director.id, orgId: f.org.id, email: f.users.director.email, enabled: false });
    expect(await unsubscribeFromAnomalyMails(testDb.db, token)).toMatchObject({ enabled: false });
    expect(await wantsMail(f.users.director.id)).toBe(false);
    expect(await wantsMail(f.users.admin.id)).toBe(true);
    // Audited once, by nobody signed in.
    const audit = await testDb.db.select({ action: auditLog.action, userId: auditLog.userId, details: auditLog.details }).from(auditLog).where(eq(auditLog.orgId, f.org.id));
    expect(audit).toEqual([{ action: "anomaly_emails.off", userId: null, details: { via: "link" } }]);
  });
});
