// Webhooks are checked against the account the CRM itself reported for the source — not against
// the first label of the address an admin typed, which a proxy, a custom domain or a private
// address makes meaningless. Until the account is known, the first authenticated delivery names it.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { sources, webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { testSourceConnection } from "@/lib/sources/test-source";
import { addCrmSource } from "@/lib/sync/test-helpers";
import { amoBody, amoLead, bitrixEvent, type AmoAccount } from "../test/bodies";
import { deliveryFromRequest } from "./delivery";
import { forgetWebhookSource, receiveWebhook } from "./receive-webhook";

let testDb: TestDb;
let orgId: string;
let amoMock: AmoMock;
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const now = 1_766_000_000;
const lead = amoLead({ id: "501", statusId: "142", pipelineId: "7841236", price: "5000", createdAt: now - 60, updatedAt: now });

beforeAll(async () => {
  testDb = await createTestDb();
  orgId = (await createOrgFixture(testDb.db)).org.id;
  amoMock = await startAmoMock({ leads: 1, perSecond: false });
});
afterAll(async () => {
  await amoMock.close();
  await testDb.close();
});

async function addSource(kind: "amocrm" | "bitrix24", baseUrl: string, account: { id?: string; domain?: string } = {}) {
  const applicationToken = randomBytes(16).toString("hex");
  const [row] = await testDb.db
    .insert(sources)
    .values({ orgId, kind, name: kind, baseUrl, webhookSecret: randomBytes(24).toString("base64url"), settings: { applicationToken }, crmAccountId: account.id, crmAccountDomain: account.domain })
    .returning();
  return { ...row, applicationToken };
}

async function post(target: Parameters<typeof receiveWebhook>[1], body: string) {
  const request = new Request("http://localhost/api/webhooks/x", { method: "POST", body, headers: FORM });
  const result = await receiveWebhook(testDb.db, target, deliveryFromRequest(request));
  return { status: result.status, id: result.storedId };
}
const toAmo = (source: { id: string; webhookSecret: string }, account: AmoAccount) => post({ kind: "amocrm", sourceId: source.id, urlSecret: source.webhookSecret }, amoBody(account, { leads: { add: [lead] } }));
const toBitrix = (source: { id: string; applicationToken: string }, portal: { memberId?: string; domain?: string }) =>
  post({ kind: "bitrix24", sourceId: source.id }, bitrixEvent("ONCRMDEALUPDATE", 7, { token: source.applicationToken, ...portal }));
async function accountOf(sourceId: string) {
  const [row] = await testDb.db.select({ id: sources.crmAccountId, domain: sources.crmAccountDomain }).from(sources).where(eq(sources.id, sourceId));
  return row;
}

describe("amoCRM", () => {
  it("behind a custom domain: its own account's webhooks pass, an account named like the domain's first label is refused", async () => {
    const source = await addSource("amocrm", "https://crm.mycompany.kz", { id: "31000001", domain: "mycompany" });
    expect((await toAmo(source, { id: "31000001", subdomain: "mycompany" })).status).toBe(200);
    const impostor = await toAmo(source, { id: "111", subdomain: "crm" });
    expect(impostor).toEqual({ status: 401, id: null });
  });

  it("renamed subdomain, same account id: still its own", async () => {
    const source = await addSource("amocrm", "https://old-name.amocrm.ru", { id: "31000002", domain: "old-name" });
    expect((await toAmo(source, { id: "31000002", subdomain: "new-name" })).status).toBe(200);
    expect((await toAmo(source, { id: "31000003", subdomain: "old-name" })).status).toBe(401);
  });

  it("Test connection records the account amoCRM reports for a CRM on a private address; its webhooks pass, others are refused", async () => {
    const source = await addCrmSource(testDb.db, orgId, "amocrm", amoMock.url, { kind: "amocrm-token", accessToken: amoMock.state.auth.longLivedToken });
    expect(await accountOf(source.id)).toEqual({ id: null, domain: null });
    expect(await testSourceConnection(testDb.db, orgId, source.id)).toMatchObject({ ok: true, account: { id: "29978305" } });
    expect(await accountOf(source.id)).toEqual({ id: "29978305", domain: "mock" });
    forgetWebhookSource(source.id);
    expect((await toAmo(source, { id: "29978305", subdomain: "mock" })).status).toBe(200);
    // The address's first label, "127", was what the old check compared against.
    expect((await toAmo(source, { id: "29638927", subdomain: "127" })).status).toBe(401);
  });

  it("never connected: the first authenticated webhook names the account (and is kept); another account is then refused", async () => {
    const source = await addSource("amocrm", "https://10.0.0.5");
    const first = await toAmo(source, { id: "32000001", subdomain: "school" });
    expect(first.status).toBe(200);
    expect(await testDb.db.select({ status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.id, first.id!))).toEqual([{ status: "pending" }]);
    expect(await accountOf(source.id)).toEqual({ id: "32000001", domain: "school" });
    expect((await toAmo(source, { id: "32000001", subdomain: "school" })).status).toBe(200);
    expect((await toAmo(source, { id: "32000002", subdomain: "other" })).status).toBe(401);
    // A wrong secret teaches nothing: nothing is stored and the account stays.
    const wrongSecret = await post({ kind: "amocrm", sourceId: source.id, urlSecret: "wrong" }, amoBody({ id: "1", subdomain: "x" }, { leads: { add: [lead] } }));
    expect(wrongSecret.status).toBe(401);
    expect(await accountOf(source.id)).toEqual({ id: "32000001", domain: "school" });
  });
});

describe("Bitrix24", () => {
  it("a portal behind a private address: the first event with the right token names it; member_id decides from then on", async () => {
    const source = await addSource("bitrix24", "https://192.168.10.4");
    expect((await toBitrix(source, { memberId: "aaaa1111", domain: "sales.bitrix24.kz" })).status).toBe(200);
    expect(await accountOf(source.id)).toEqual({ id: "aaaa1111", domain: "sales.bitrix24.kz" });
    expect((await toBitrix(source, { memberId: "bbbb2222", domain: "sales.bitrix24.kz" })).status).toBe(401);
    // Renamed portal: same member_id, new domain.
    expect((await toBitrix(source, { memberId: "aaaa1111", domain: "b24-x1y2z3.bitrix24.kz" })).status).toBe(200);
  });

  it("a known portal refuses an event that names no portal, and one with a wrong token teaches nothing", async () => {
    const source = await addSource("bitrix24", "https://some-domain.bitrix24.ru", { id: "cccc3333", domain: "some-domain.bitrix24.ru" });
    const anonymous = `event=ONCRMDEALUPDATE&data%5BFIELDS%5D%5BID%5D=7&auth%5Bapplication_token%5D=${source.applicationToken}`;
    expect((await post({ kind: "bitrix24", sourceId: source.id }, anonymous)).status).toBe(401);
    const unknown = await addSource("bitrix24", "https://p.bitrix24.kz");
    expect((await toBitrix({ ...unknown, applicationToken: "not-its-token" }, { memberId: "dddd4444" })).status).toBe(401);
    expect(await accountOf(unknown.id)).toEqual({ id: null, domain: null });
  });
});
