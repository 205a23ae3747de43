import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { auditLog, sources } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { deliveryFromRequest } from "@/lib/ingest/receive/delivery";
import { receiveWebhook } from "@/lib/ingest/receive/receive-webhook";
import { amoBody } from "@/lib/ingest/test/bodies";
import { openCredentials } from "@/lib/sources/credentials";
import { DELETE, PATCH } from "./[id]/route";
import { POST as TEST } from "./[id]/test/route";
import { POST as REVEAL } from "./[id]/secret/route";
import { POST as ROTATE } from "./[id]/secret/rotate/route";
import { GET, POST } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let mock: Bitrix24Mock;
const token: Record<string, string> = {};
const KEY = Buffer.alloc(32, 7).toString("base64");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the route handlers differ only in their params type
type Handler = (request: Request, context?: any) => Promise<Response>;

function call(handler: Handler, who: string | null, init: { method?: string; body?: unknown; id?: string } = {}) {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const params = init.id ? { id: init.id } : undefined;
  return callRoute(handler, `http://voronka.test/api/sources${init.id ? `/${init.id}` : ""}`, { as: who ? { token: token[who] } : null, method, body: init.body, params });
}

beforeAll(async () => {
  env.ENCRYPTION_KEY = KEY;
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  mock = await startBitrix24Mock({ deals: 5, limits: false });
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

describe("POST /api/sources", () => {
  it("adds a Bitrix24 portal: 201 with its inbound URL; the webhook code is stored encrypted and never listed", async () => {
    const created = await call(POST, "admin", { body: { kind: "bitrix24", name: " Портал ", webhookUrl: "https://portal.bitrix24.kz/rest/1/abcdef123456/crm.deal.list.json", saveUntested: true } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), check: null, inboundWebhookUrl: `http://voronka.test/api/webhooks/bitrix24/${created.body.id}` });
    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, created.body.id));
    expect(row).toMatchObject({ orgId: a.org.id, kind: "bitrix24", name: "Портал", baseUrl: "https://portal.bitrix24.kz" });
    expect(row.credentials).toMatch(/^v1:/);
    expect(row.credentials).not.toContain("abcdef123456");
    const listed = await call(GET, "admin");
    expect(JSON.stringify(listed.body)).not.toContain("abcdef123456");
    expect(listed.body.sources.find((s: { id: string }) => s.id === created.body.id)).toMatchObject({ kind: "bitrix24", host: "portal.bitrix24.kz", hasCredentials: true });
    const [audit] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.targetId, created.body.id)));
    expect(audit.action).toBe("source.create");
    expect(JSON.stringify(audit.details)).not.toContain("abcdef123456");
  });

  it("adds an amoCRM account with the secret in its inbound URL, and a shop with its signing secret", async () => {
    const amo = await call(POST, "admin", { body: { kind: "amocrm", name: "amo", baseUrl: "https://example.amocrm.ru", accessToken: "long-lived-token-0123456789", saveUntested: true } });
    expect(amo.status).toBe(201);
    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, amo.body.id));
    expect(amo.body.inboundWebhookUrl).toBe(`http://voronka.test/api/webhooks/amocrm/${row.id}/${row.webhookSecret}`);
    expect(row.credentials).not.toContain("long-lived-token");
    const bySubdomain = await call(POST, "admin", { body: { kind: "amocrm", name: "amo 2", baseUrl: " Example2 ", accessToken: "long-lived-token-0123456789", saveUntested: true } });
    expect(bySubdomain.status).toBe(201);
    const [row2] = await testDb.db.select().from(sources).where(eq(sources.id, bySubdomain.body.id));
    expect(row2.baseUrl).toBe("https://example2.amocrm.ru");
    const shop = await call(POST, "admin", { body: { kind: "shop", name: "Магазин" } });
    expect(shop.status).toBe(201);
    expect(shop.body).toMatchObject({ inboundWebhookUrl: `http://voronka.test/api/webhooks/shop/${shop.body.id}`, signingSecret: expect.any(String) });
  });

  it("refuses bad input with 400 and stores nothing", async () => {
    const before = (await testDb.db.select().from(sources).where(eq(sources.orgId, a.org.id))).length;
    const bad = [
      "not json",
      { kind: "bitrix24", name: "x", webhookUrl: "https://portal.bitrix24.kz/crm/deal/" },
      { kind: "amocrm", name: "x", baseUrl: "https://example.amocrm.ru", accessToken: "short" },
      { kind: "bitrix24", name: "x" },
      { kind: "bitrix24", name: "x", portalUrl: "https://p.bitrix24.kz", clientId: "app", accessToken: "access-0123456789", refreshToken: "refresh-0123456789" },
      { kind: "bitrix24", name: "x", webhookUrl: "https://p.bitrix24.kz/rest/1/abcdef/", portalUrl: "https://p.bitrix24.kz" },
      { kind: "telegram", name: "x" },
      { kind: "shop", name: "   " },
    ];
    for (const body of bad) {
      const response = await call(POST, "admin", { body });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("validation_error");
    }
    expect((await testDb.db.select().from(sources).where(eq(sources.orgId, a.org.id))).length).toBe(before);
  });

  it("answers a webhookUrl that is not a URL at all with a 400 that says so, not a 500", async () => {
    for (const webhookUrl of ["not a url", "", "https://", "https://[::1"]) {
      const response = await call(POST, "admin", { body: { kind: "bitrix24", name: "x", webhookUrl } });
      expect(response).toEqual({ status: 400, body: { error: { code: "validation_error", field: "webhookUrl", message: "webhookUrl: webhookUrl must be an https:// URL" } } });
    }
  });

  it("fails closed without ENCRYPTION_KEY: 503, and no source is stored", async () => {
    const before = (await testDb.db.select().from(sources).where(eq(sources.orgId, a.org.id))).length;
    env.ENCRYPTION_KEY = undefined;
    try {
      const response = await call(POST, "admin", { body: { kind: "bitrix24", name: "x", webhookUrl: "https://p.bitrix24.kz/rest/1/abcdef/" } });
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe("encryption_key_missing");
      expect(response.body.error.message).toContain("ENCRYPTION_KEY");
    } finally {
      env.ENCRYPTION_KEY = KEY;
    }
    expect((await testDb.db.select().from(sources).where(eq(sources.orgId, a.org.id))).length).toBe(before);
  });

  it("is for admins only", async () => {
    for (const who of ["director", "bob"]) {
      expect((await call(POST, who, { body: { kind: "shop", name: "x" } })).status).toBe(403);
      expect((await call(GET, who)).status).toBe(403);
    }
    expect((await call(GET, null)).status).toBe(401);
  });
});

describe("a Bitrix24 OAuth application as a source", () => {
  it("says which OAuth field is missing", async () => {
    const response = await call(POST, "admin", { body: { kind: "bitrix24", name: "x", portalUrl: "https://p.bitrix24.kz", clientId: "app", accessToken: "access-0123456789", refreshToken: "refresh-0123456789" } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain("clientSecret");
  });

  it("connects with the app's tokens, renews an expired one once and stores the rotated pair encrypted", async () => {
    const oauth = mock.state.oauth;
    const body = { kind: "bitrix24", name: "OAuth app", portalUrl: mock.url, clientId: oauth.clientId, clientSecret: oauth.clientSecret, accessToken: oauth.accessToken, refreshToken: oauth.refreshToken, oauthServer: mock.oauthServer };
    const created = await call(POST, "admin", { body });
    expect(created.status).toBe(201);
    const refreshesBefore = mock.state.stats.refreshes;
    mock.state.faults.expireTokenAfter = 0; // the stored access token expires before the first call
    const first = await call(TEST, "admin", { method: "POST", id: created.body.id });
    expect(first.body).toMatchObject({ ok: true, user: { id: "1" } });
    expect(mock.state.stats.refreshes).toBe(refreshesBefore + 1);

    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, created.body.id));
    expect(row.credentials).not.toContain(mock.state.oauth.accessToken);
    expect(openCredentials(row.credentials)).toMatchObject({ kind: "bitrix24-oauth", accessToken: mock.state.oauth.accessToken, refreshToken: mock.state.oauth.refreshToken });
    // The renewal's answer names the portal: its webhooks are checked against that member_id from now on.
    expect(row).toMatchObject({ crmAccountId: "mockmemberid0000000000000000000001", crmAccountDomain: "127.0.0.1" });
    expect(mock.state.oauth.accessToken).not.toBe(body.accessToken);

    // The next client starts from the stored, renewed pair: no second renewal.
    const second = await call(TEST, "admin", { method: "POST", id: created.body.id });
    expect(second.body).toMatchObject({ ok: true });
    expect(mock.state.stats.refreshes).toBe(refreshesBefore + 1);
  });
});

describe("POST /api/sources checks a CRM's connection before saving it", () => {
  const countSources = async () => (await testDb.db.select().from(sources).where(eq(sources.orgId, a.org.id))).length;

  it("saves a portal that answers, says who we are, and remembers the passed check", async () => {
    const created = await call(POST, "admin", { body: { kind: "bitrix24", name: "Проверенный", webhookUrl: mock.webhookUrl } });
    expect(created.status).toBe(201);
    expect(created.body.check).toMatchObject({ ok: true, portal: new URL(mock.url).host, user: { id: "1", name: "Айгерим Садыкова" } });
    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, created.body.id));
    expect(row.lastCheckAt).toBeInstanceOf(Date);
    expect(row.lastCheckFailure).toBeNull();
  });

  it("stores nothing when the check fails: 422 with the reason, the host and the portal's words, never the webhook code", async () => {
    const before = await countSources();
    const host = new URL(mock.url).host;
    const refused = await call(POST, "admin", { body: { kind: "bitrix24", name: "Неверный код", webhookUrl: mock.webhookUrl.replace("mockwebhookcode42", "wrongcode99") } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "source_check_failed", params: { reason: "bad_credentials", host, details: "NO_AUTH_FOUND: Wrong authorization data" } });
    expect(JSON.stringify(refused.body)).not.toContain("wrongcode99");
    const unreachable = await call(POST, "admin", { body: { kind: "bitrix24", name: "Нет связи", webhookUrl: "http://127.0.0.1:9/rest/1/abcdef/" } });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error.params).toEqual({ reason: "connection_refused", host: "127.0.0.1:9" });
    expect(await countSources()).toBe(before);
  });

  it("saves it anyway when the admin chooses to, unchecked: nothing is asked of the CRM", async () => {
    const requestsBefore = mock.state.stats.requests;
    const saved = await call(POST, "admin", { body: { kind: "bitrix24", name: "Без проверки", webhookUrl: mock.webhookUrl.replace("mockwebhookcode42", "wrongcode99"), saveUntested: true } });
    expect(saved.status).toBe(201);
    expect(saved.body.check).toBeNull();
    expect(mock.state.stats.requests).toBe(requestsBefore);
    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, saved.body.id));
    expect(row.lastCheckAt).toBeNull();
  });

  it("remembers each Test connection on the source: a failure with its reason, then a pass clears it", async () => {
    const id = (await call(POST, "admin", { body: { kind: "bitrix24", name: "Память", webhookUrl: mock.webhookUrl } })).body.id;
    mock.state.scopes = ["crm"];
    try {
      expect((await call(TEST, "admin", { method: "POST", id })).body).toMatchObject({ ok: false, reason: "missing_scope" });
    } finally {
      mock.state.scopes = ["crm", "user", "department", "telephony"];
    }
    const [failed] = await testDb.db.select().from(sources).where(eq(sources.id, id));
    expect(failed.lastCheckFailure).toEqual({ code: "missing_scope", params: { host: new URL(mock.url).host, scopes: "user, department" } });
    const healthOf = async () => (await call(GET, "admin")).body.sources.find((s: { id: string }) => s.id === id).health;
    expect(await healthOf()).toMatchObject({ level: "broken", problem: { kind: "check_failed", failure: { code: "missing_scope" } } });
    expect((await call(TEST, "admin", { method: "POST", id })).body).toMatchObject({ ok: true });
    const [passed] = await testDb.db.select().from(sources).where(eq(sources.id, id));
    expect(passed.lastCheckFailure).toBeNull();
    // Working again; Bitrix24 still needs its application token before its events are taken.
    expect(await healthOf()).toEqual({ level: "attention", problem: { kind: "no_application_token" }, lastSyncedAt: null });
  });
});

describe("DELETE /api/sources/<id> and the organisation boundary", () => {
  it("deletes one's own source; another organisation's is a 404 and stays", async () => {
    const created = await call(POST, "admin", { body: { kind: "shop", name: "to delete" } });
    expect((await call(DELETE, "adminB", { method: "DELETE", id: created.body.id })).status).toBe(404);
    expect((await call(GET, "adminB")).body.sources.map((s: { id: string }) => s.id)).not.toContain(created.body.id);
    expect((await call(DELETE, "bob", { method: "DELETE", id: created.body.id })).status).toBe(403);
    expect((await call(DELETE, "admin", { method: "DELETE", id: created.body.id })).status).toBe(204);
    expect((await call(DELETE, "admin", { method: "DELETE", id: created.body.id })).status).toBe(404);
    expect((await call(DELETE, "admin", { method: "DELETE", id: "not-a-uuid" })).status).toBe(400);
  });
});

describe("PATCH /api/sources/<id>", () => {
  it("stores Bitrix24's application token (never logged), renames; refuses empty and foreign changes", async () => {
    const created = await call(POST, "admin", { body: { kind: "bitrix24", name: "Портал 2", webhookUrl: "https://p2.bitrix24.kz/rest/1/abcdef123456/", saveUntested: true } });
    const id = created.body.id;
    expect((await call(PATCH, "admin", { method: "PATCH", id, body: { applicationToken: "jvh9y1ulvt2m6k5or90v9mg8nn32ozas", name: "Портал Два" } })).status).toBe(204);
    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, id));
    expect(row.settings.applicationToken).toBe("jvh9y1ulvt2m6k5or90v9mg8nn32ozas");
    expect(row.name).toBe("Портал Два");
    const listed = (await call(GET, "admin")).body.sources.find((s: { id: string }) => s.id === id);
    expect(listed).toMatchObject({ hasApplicationToken: true });
    expect(JSON.stringify(listed)).not.toContain("jvh9y1ulvt2m6k5or90v9mg8nn32ozas");
    const audits = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.targetId, id)));
    expect(JSON.stringify(audits.map((entry) => entry.details))).not.toContain("jvh9y1ulvt2m6k5or90v9mg8nn32ozas");
    expect((await call(PATCH, "admin", { method: "PATCH", id, body: {} })).status).toBe(400);
    expect((await call(PATCH, "adminB", { method: "PATCH", id, body: { name: "x" } })).status).toBe(404);
    expect((await call(PATCH, "bob", { method: "PATCH", id, body: { name: "x" } })).status).toBe(403);
    const shop = await call(POST, "admin", { body: { kind: "shop", name: "s2" } });
    expect((await call(PATCH, "admin", { method: "PATCH", id: shop.body.id, body: { applicationToken: "abcdefgh12" } })).status).toBe(400);
  });
});

describe("POST /api/sources/<id>/test", () => {
  const add = async (webhookUrl: string) => (await call(POST, "admin", { body: { kind: "bitrix24", name: "mock", webhookUrl, saveUntested: true } })).body.id as string;

  it("says who we are on a reachable portal with the right scopes", async () => {
    const id = await add(mock.webhookUrl);
    const result = await call(TEST, "admin", { method: "POST", id });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, portal: new URL(mock.url).host, user: { id: "1", name: "Айгерим Садыкова" } });
  });

  it("names a wrong webhook code (with the portal's own words), a missing scope and an unreachable host", async () => {
    const host = new URL(mock.url).host;
    const wrongCode = await add(mock.webhookUrl.replace("mockwebhookcode42", "wrongcode99"));
    const bad = await call(TEST, "admin", { method: "POST", id: wrongCode });
    expect(bad.body).toEqual({
      ok: false,
      reason: "bad_credentials",
      params: { host },
      message: "The CRM does not accept the webhook code or token: create a new inbound webhook or reconnect.",
      details: "NO_AUTH_FOUND: Wrong authorization data",
    });

    mock.state.scopes = ["crm"];
    try {
      const scoped = await call(TEST, "admin", { method: "POST", id: await add(mock.webhookUrl) });
      expect(scoped.body).toMatchObject({ ok: false, reason: "missing_scope", params: { host, scopes: "user, department" } });
      expect(scoped.body.message).toContain("Missing: user, department.");
    } finally {
      mock.state.scopes = ["crm", "user", "department", "telephony"];
    }

    const unreachable = await call(TEST, "admin", { method: "POST", id: await add("http://127.0.0.1:9/rest/1/abcdef/") });
    expect(unreachable.body).toMatchObject({ ok: false, reason: "connection_refused", params: { host: "127.0.0.1:9" } });
    expect(JSON.stringify(unreachable.body)).not.toContain("abcdef");
  });

  it("refuses loopback, private and plain-http CRM addresses without ALLOW_PRIVATE_CRM_URLS: nothing is fetched", async () => {
    const port = new URL(mock.url).port;
    const viaHttp = await add(mock.webhookUrl);
    const viaHttps = await add(`https://127.0.0.1:${port}/rest/1/mockwebhookcode42/`);
    const viaName = await add(`https://localhost:${port}/rest/1/mockwebhookcode42/`);
    const metadata = await add("https://169.254.169.254/rest/1/latest/");
    const requestsBefore = mock.state.stats.requests;
    env.ALLOW_PRIVATE_CRM_URLS = false;
    try {
      expect((await call(TEST, "admin", { method: "POST", id: viaHttp })).body).toMatchObject({ ok: false, reason: "insecure_url", params: { host: `127.0.0.1:${port}` } });
      for (const [id, host] of [[viaHttps, `127.0.0.1:${port}`], [viaName, `localhost:${port}`], [metadata, "169.254.169.254"]]) {
        const refused = await call(TEST, "admin", { method: "POST", id });
        expect(refused.body).toMatchObject({ ok: false, reason: "private_address", params: { host } });
        expect(refused.body.message).toContain("ALLOW_PRIVATE_CRM_URLS=true");
      }
      // And a new source cannot even be given a plain-http address.
      const plain = await call(POST, "admin", { body: { kind: "bitrix24", name: "x", webhookUrl: "http://portal.bitrix24.kz/rest/1/abc/" } });
      expect(plain.status).toBe(400);
    } finally {
      env.ALLOW_PRIVATE_CRM_URLS = true;
    }
    expect(mock.state.stats.requests).toBe(requestsBefore);
    // With the setting on (a CRM on the private network), the same portal answers.
    expect((await call(TEST, "admin", { method: "POST", id: viaHttp })).body).toMatchObject({ ok: true });
  });

  it("never repeats what a foreign server answered: an HTML page, someone else's JSON, a fake error code", async () => {
    const answers = [
      { status: 404, type: "text/html", body: "<h1>Admin panel</h1><p>db password hunter2</p>" },
      { status: 200, type: "application/json", body: JSON.stringify({ status: "ok", config: { password: "hunter2" } }) },
      { status: 400, type: "application/json", body: JSON.stringify({ error: "see hunter2 below!", error_description: "hunter2" }) },
    ];
    const foreign = http.createServer((req, res) => {
      const answer = answers[Number(new URL(req.url!, "http://x").pathname.split("/")[2]) - 1];
      res.writeHead(answer.status, { "content-type": answer.type }).end(answer.body);
    });
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
    try {
      const port = (foreign.address() as AddressInfo).port;
      for (const n of [1, 2, 3]) {
        const result = await call(TEST, "admin", { method: "POST", id: await add(`http://127.0.0.1:${port}/rest/${n}/code/`) });
        expect(result.body).toMatchObject({ ok: false, reason: n === 3 ? "request_rejected" : "not_a_crm_answer" });
        expect(JSON.stringify(result.body)).not.toContain("hunter2");
        expect(result.body.details).toBeUndefined();
      }
    } finally {
      foreign.closeAllConnections();
      foreign.close();
    }
  });

  it("is a 400 for a shop and a 404 for another organisation's source", async () => {
    const shop = await call(POST, "admin", { body: { kind: "shop", name: "s" } });
    expect((await call(TEST, "admin", { method: "POST", id: shop.body.id })).status).toBe(400);
    expect((await call(TEST, "adminB", { method: "POST", id: shop.body.id })).status).toBe(404);
  });
});

describe("webhook secrets: listed never, revealed or rotated on request, audited", () => {
  const postAmo = async (sourceId: string, secret: string) => {
    const request = new Request("http://voronka.test/x", { method: "POST", body: amoBody({ id: "29638927", subdomain: "example" }, { leads: { delete: [{ id: "1" }] } }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    return (await receiveWebhook(testDb.db, { kind: "amocrm", sourceId, urlSecret: secret }, deliveryFromRequest(request))).status;
  };
  const auditsOf = async (id: string) => (await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.targetId, id)))).map((entry) => ({ action: entry.action, details: entry.details }));

  it("GET /api/sources carries no shop signing secret and hides amoCRM's path secret", async () => {
    const amo = await call(POST, "admin", { body: { kind: "amocrm", name: "secret amo", baseUrl: "https://example.amocrm.ru", accessToken: "long-lived-token-0123456789", saveUntested: true } });
    const shop = await call(POST, "admin", { body: { kind: "shop", name: "secret shop" } });
    // Shown once, at creation.
    expect(shop.body.signingSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const amoSecret = amo.body.inboundWebhookUrl.split("/").pop();
    const listed = (await call(GET, "admin")).body;
    const text = JSON.stringify(listed);
    expect(text).not.toContain(amoSecret);
    expect(text).not.toContain(shop.body.signingSecret);
    expect(listed.sources.find((x: { id: string }) => x.id === amo.body.id).inboundWebhookUrl).toBe(`http://voronka.test/api/webhooks/amocrm/${amo.body.id}/••••••••`);
    expect(listed.sources.find((x: { id: string }) => x.id === shop.body.id)).not.toHaveProperty("signingSecret");
  });

  it("reveals amoCRM's address and a shop's signing key to an admin, writing who asked to the audit log", async () => {
    const amo = await call(POST, "admin", { body: { kind: "amocrm", name: "reveal amo", baseUrl: "https://example.amocrm.ru", accessToken: "long-lived-token-0123456789", saveUntested: true } });
    const shop = await call(POST, "admin", { body: { kind: "shop", name: "reveal shop" } });
    const revealed = await call(REVEAL, "admin", { method: "POST", id: amo.body.id });
    expect(revealed).toEqual({ status: 200, body: { secret: amo.body.inboundWebhookUrl.split("/").pop(), inboundWebhookUrl: amo.body.inboundWebhookUrl } });
    const signing = await call(REVEAL, "admin", { method: "POST", id: shop.body.id });
    expect(signing.body.secret).toBe(shop.body.signingSecret);
    expect(await auditsOf(amo.body.id)).toContainEqual({ action: "source.secret_reveal", details: { kind: "amocrm", name: "reveal amo" } });
    expect(JSON.stringify(await auditsOf(shop.body.id))).not.toContain(shop.body.signingSecret);
  });

  it("rotates: the old secret is refused at once, the new one accepted; audited", async () => {
    const amo = await call(POST, "admin", { body: { kind: "amocrm", name: "rotate amo", baseUrl: "https://example.amocrm.ru", accessToken: "long-lived-token-0123456789", saveUntested: true } });
    const oldSecret = amo.body.inboundWebhookUrl.split("/").pop();
    expect(await postAmo(amo.body.id, oldSecret)).toBe(200); // the receiver now holds the source in its cache
    const rotated = await call(ROTATE, "admin", { method: "POST", id: amo.body.id });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(oldSecret);
    expect(rotated.body.inboundWebhookUrl).toBe(`http://voronka.test/api/webhooks/amocrm/${amo.body.id}/${rotated.body.secret}`);
    expect(await postAmo(amo.body.id, oldSecret)).toBe(401);
    expect(await postAmo(amo.body.id, rotated.body.secret)).toBe(200);
    const audits = await auditsOf(amo.body.id);
    expect(audits.map((entry) => entry.action)).toContain("source.secret_rotate");
    expect(JSON.stringify(audits)).not.toContain(rotated.body.secret);
  });

  it("is for admins of the source's organisation, and a Bitrix24 source has no secret to show", async () => {
    const shop = await call(POST, "admin", { body: { kind: "shop", name: "guarded shop" } });
    const bitrix = await call(POST, "admin", { body: { kind: "bitrix24", name: "no secret", webhookUrl: "https://p9.bitrix24.kz/rest/1/abcdef123456/", saveUntested: true } });
    for (const handler of [REVEAL, ROTATE]) {
      expect((await call(handler, "director", { method: "POST", id: shop.body.id })).status).toBe(403);
      expect((await call(handler, "adminB", { method: "POST", id: shop.body.id })).status).toBe(404);
      expect((await call(handler, "admin", { method: "POST", id: "not-a-uuid" })).status).toBe(400);
      const none = await call(handler, "admin", { method: "POST", id: bitrix.body.id });
      expect(none.status).toBe(400);
      expect(none.body.error.code).toBe("source_has_no_secret");
    }
    expect((await auditsOf(shop.body.id)).map((entry) => entry.action)).toEqual(["source.create"]);
  });
});
