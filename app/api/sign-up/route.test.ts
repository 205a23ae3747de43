// Hosted mode's sign-up through its routes: confirmed by e-mail (a real SMTP server in the test),
// or by an invitation code without a mailer; throttled and validated; never telling whether an
// e-mail already has an account in another organisation.
import { randomInt, randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { organisations, signUps, users } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { checkCredentials } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { closeMailTransports } from "@/lib/mail/mailer";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/test/smtp-sink";
import { POST as signUp } from "./route";
import { POST as verify } from "./verify/route";

let testDb: TestDb;
let smtp: SmtpSink;
const saved = { MULTI_ORG: env.MULTI_ORG, SMTP_URL: env.SMTP_URL, MAIL_FROM: env.MAIL_FROM, SIGNUP_INVITE_CODE: env.SIGNUP_INVITE_CODE };

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  smtp = await startSmtpSink();
});
afterAll(async () => {
  Object.assign(env, saved);
  closeMailTransports();
  await smtp.close();
  await testDb.close();
});
beforeEach(() => {
  Object.assign(env, { MULTI_ORG: true, SMTP_URL: smtp.url, MAIL_FROM: "Voronka <signup@test.voronka>", SIGNUP_INVITE_CODE: undefined });
});

/** Each test signs up from an address of its own, so the throttle's counters are its own too. */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const newEmail = () => `founder-${randomUUID().slice(0, 8)}@test.voronka`;

function postSignUp(body: object, address = someAddress()) {
  return callRoute(signUp, "/api/sign-up", { method: "POST", body, headers: { "content-type": "application/json", "x-forwarded-for": address } });
}
function postVerify(token: string) {
  return callRoute(verify, "/api/sign-up/verify", { method: "POST", body: { token }, headers: { "content-type": "application/json" } });
}

async function organisationsNamed(name: string) {
  return testDb.db.select().from(organisations).where(eq(organisations.name, name));
}

/** The token of the link in the last e-mail sent to `email`. */
function tokenMailedTo(email: string): string {
  const message = smtp.messages.findLast((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email);
  const match = /\/sign-up\/verify\?token=([\w-]+)/.exec(message?.text ?? "");
  if (!match) throw new Error(`no confirmation link was mailed to ${email}`);
  return match[1];
}

describe("POST /api/sign-up with a mailer", () => {
  it("creates nothing until the link in the e-mail is followed; then the admin signs in", async () => {
    const email = newEmail();
    const name = `Shop ${randomUUID().slice(0, 8)}`;
    const answer = await postSignUp({ organisation: name, name: "Aigerim", email, password: "long-enough-password", locale: "en" });
    expect(answer).toEqual({ status: 202, body: { status: "verification_sent" } });
    await smtp.waitFor(1);
    expect(await organisationsNamed(name)).toEqual([]);
    expect(await checkCredentials(testDb.db, email, "long-enough-password", { address: someAddress() })).toEqual({ ok: false, reason: "invalid" });

    const token = tokenMailedTo(email);
    expect(await postVerify(token)).toEqual({ status: 201, body: { status: "verified" } });
    const [org] = await organisationsNamed(name);
    expect(org.signedUpAt).not.toBeNull();
    expect(org.locale).toBe("en");
    const admins = await testDb.db.select({ email: users.email, role: users.role, name: users.name }).from(users).where(eq(users.orgId, org.id));
    expect(admins).toEqual([{ email, role: "admin", name: "Aigerim" }]);
    expect(await checkCredentials(testDb.db, email, "long-enough-password", { address: someAddress() })).toMatchObject({ ok: true });

    // The link is spent: a second click creates no second organisation.
    expect(await postVerify(token)).toMatchObject({ status: 400, body: { error: { code: "invalid_verification_token", field: "token" } } });
    expect(await organisationsNamed(name)).toHaveLength(1);
  });

  it("answers an e-mail that has an account in another organisation exactly as a new one", async () => {
    const other = await createOrgFixture(testDb.db);
    const taken = await postSignUp({ organisation: "Taken Ltd", name: "A", email: other.users.admin.email, password: "long-enough-password" });
    const fresh = await postSignUp({ organisation: "Fresh Ltd", name: "B", email: newEmail(), password: "long-enough-password" });
    expect(taken).toEqual(fresh);
    expect(taken).toEqual({ status: 202, body: { status: "verification_sent" } });
  });

  it("refuses a link that is wrong, and stores nothing for a bad request", async () => {
    expect(await postVerify("not-a-token-anyone-was-sent")).toMatchObject({ status: 400, body: { error: { code: "invalid_verification_token" } } });
    const email = newEmail();
    const bad = await postSignUp({ organisation: "Short password Ltd", name: "C", email, password: "short" });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "password" } } });
    const noEmail = await postSignUp({ organisation: "No e-mail Ltd", name: "C", email: "not an address", password: "long-enough-password" });
    expect(noEmail).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "email" } } });
    const [{ value }] = await testDb.db.select({ value: count() }).from(signUps).where(eq(signUps.email, email));
    expect(value).toBe(0);
  });

  it("keeps nothing when the e-mail cannot be sent, and says so", async () => {
    const email = newEmail();
    smtp.refuse = (to) => (to.includes(email) ? 550 : null);
    try {
      const answer = await postSignUp({ organisation: "Unmailable Ltd", name: "D", email, password: "long-enough-password" });
      expect(answer).toMatchObject({ status: 503, body: { error: { code: "mail_unavailable" } } });
    } finally {
      smtp.refuse = () => null;
    }
    const [{ value }] = await testDb.db.select({ value: count() }).from(signUps).where(eq(signUps.email, email));
    expect(value).toBe(0);
  });

  it("slows down the sixth sign-up of one e-mail from one address, as sign-in does", async () => {
    const email = newEmail();
    const address = someAddress();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      statuses.push((await postSignUp({ organisation: `Repeat ${attempt}`, name: "E", email, password: "long-enough-password" }, address)).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await postSignUp({ organisation: "Repeat 7", name: "E", email, password: "long-enough-password" }, address);
    expect(refused.body.error.code).toBe("too_many_attempts");
  });
});

describe("POST /api/sign-up with an invitation code and no mailer", () => {
  beforeEach(() => {
    Object.assign(env, { SMTP_URL: undefined, MAIL_FROM: undefined, SIGNUP_INVITE_CODE: "invite-code-for-tests-only" });
  });

  it("refuses a missing or wrong code and creates nothing", async () => {
    const name = `Uninvited ${randomUUID().slice(0, 8)}`;
    for (const inviteCode of [undefined, "invite-code-for-tests-onlx"]) {
      const answer = await postSignUp({ organisation: name, name: "F", email: newEmail(), password: "long-enough-password", inviteCode });
      expect(answer).toMatchObject({ status: 403, body: { error: { code: "invalid_invite_code", field: "inviteCode" } } });
    }
    expect(await organisationsNamed(name)).toEqual([]);
  });

  it("creates the organisation and its admin at once with the right code", async () => {
    const email = newEmail();
    const name = `Invited ${randomUUID().slice(0, 8)}`;
    const answer = await postSignUp({ organisation: name, name: "G", email, password: "long-enough-password", inviteCode: "invite-code-for-tests-only" });
    expect(answer).toEqual({ status: 201, body: { status: "created" } });
    const [org] = await organisationsNamed(name);
    const [{ value }] = await testDb.db.select({ value: count() }).from(users).where(and(eq(users.orgId, org.id), eq(users.role, "admin")));
    expect(value).toBe(1);
    expect(await checkCredentials(testDb.db, email, "long-enough-password", { address: someAddress() })).toMatchObject({ ok: true });
  });
});

describe("with MULTI_ORG off (the default)", () => {
  it("has no sign-up at all", async () => {
    env.MULTI_ORG = false;
    const answer = await postSignUp({ organisation: "Off Ltd", name: "H", email: newEmail(), password: "long-enough-password" });
    expect(answer.status).toBe(404);
    expect((await postVerify("anything")).status).toBe(404);
  });
});
