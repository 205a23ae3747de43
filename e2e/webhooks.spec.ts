// Webhooks on PostgreSQL against our own production server (`npm start`: scripts/serve.mjs, whose
// direct listener answers them), which this file starts, SIGKILLs and restarts: issue 4's guarantee 5 — every acknowledged webhook is applied
// exactly once — then the admin's view of it: the Webhooks page, a dead event replayed, and the new
// order's customer on the Customers page. Needs PostgreSQL at E2E_PG_URL (default below); run it
// after `npm run build`, inside the build lock, like every e2e spec.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { shopBody, shopSignature } from "../lib/ingest/test/bodies";
import { freePort, startProductionServer } from "../lib/ingest/test/server";

const PG_ADMIN_URL = process.env.E2E_PG_URL ?? "postgres://root@127.0.0.1:5432/postgres";
// Its own database name can be set so that two e2e runs on one machine do not share it.
const DB_NAME = process.env.E2E_PG_DB ?? "voronka_e2e_webhooks";
const DB_URL = (() => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
})();
const ADMIN = { email: "admin@webhooks-e2e.test", password: "webhooks-e2e-password" };
const CRON_SECRET = "cron-secret-for-the-e2e-run-only";

let server: ChildProcess | null = null;
let origin = "";
let sql: postgres.Sql;
let shop: { id: string; secret: string; orgId: string };

async function startServer(port: number): Promise<void> {
  const env = { DATABASE_URL: DB_URL, SEED_DEMO: "false", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ORG_NAME: "Webhooks e2e", AUTH_SECRET: "e2e-secret-that-is-only-for-tests", AUTH_URL: `http://127.0.0.1:${port}`, CRON_SECRET };
  const started = await startProductionServer({ port, env, stdio: "pipe", timeoutMs: 90_000 });
  origin = started.origin;
  server = started.child;
  server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
}

function killServer(): void {
  server?.kill("SIGKILL");
  server = null;
}

async function postOrder(index: number): Promise<{ acked: boolean; eventId?: number }> {
  const body = shopBody("order.created", {
    id: `K-${index}`,
    status: "completed",
    createdAt: "2026-11-15T10:00:00+05:00",
    total: "100",
    customer: { phone: `+7701555${String(index % 10).padStart(4, "0")}`, name: `Покупатель ${index % 10}` },
  });
  try {
    const response = await fetch(`${origin}/api/webhooks/shop/${shop.id}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-voronka-signature": shopSignature(shop.secret, body) },
    });
    if (response.status !== 200) return { acked: false };
    return { acked: true, eventId: (await response.json()).id };
  } catch {
    return { acked: false }; // the connection died with the server: not acknowledged
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
  await startServer(await freePort());
  sql = postgres(DB_URL, { max: 2, onnotice: () => {} });
  const [org] = await sql`select org_id from users where email = ${ADMIN.email}`;
  const secret = randomBytes(24).toString("base64url");
  const [row] = await sql`insert into sources (org_id, kind, name, webhook_secret) values (${org.org_id}, 'shop', 'Интернет-магазин', ${secret}) returning id`;
  shop = { id: row.id, secret, orgId: org.org_id };
});

test.afterAll(async () => {
  killServer();
  await sql?.end();
});

test("every acknowledged webhook is applied exactly once across a SIGKILL", async () => {
  test.setTimeout(240_000);
  const TOTAL = 600;
  const acked = new Map<number, number>(); // order index → inbox event id
  let next = 0;
  let killed = false;
  // Eight senders post a stream; after 200 acknowledgements the server is killed mid-stream.
  const sender = async () => {
    while (next < TOTAL) {
      const index = next++;
      // Every order goes twice, as a retrying shop would send it.
      for (let copy = 0; copy < 2; copy++) {
        const result = await postOrder(index);
        if (result.acked) acked.set(index, result.eventId!);
      }
      if (!killed && acked.size >= 200) {
        killed = true;
        killServer();
      }
      if (killed && !server) return;
    }
  };
  await Promise.all(Array.from({ length: 8 }, sender));
  expect(killed).toBe(true);
  const ackedBeforeKill = acked.size;

  // Restart; the cron drains what the dead process had stored but not processed.
  await startServer(await freePort());
  await Promise.all(Array.from({ length: 8 }, sender));
  const cron = await fetch(`${origin}/api/cron/webhooks`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(cron.status).toBe(200);
  await expect
    .poll(async () => (await sql`select count(*)::int as n from webhook_events where source_id = ${shop.id} and status in ('pending', 'failed')`)[0].n, { timeout: 60_000 })
    .toBe(0);

  expect(ackedBeforeKill).toBeGreaterThanOrEqual(200);
  const ids = [...acked.values()];
  const events = await sql`select id, status from webhook_events where id = any(${ids}::bigint[])`;
  // Durable before acknowledged: every acknowledged delivery is in the inbox, and processed.
  expect(events.length).toBe(ids.length);
  expect(events.filter((e) => e.status !== "done")).toEqual([]);
  const orders = await sql`select external_id, count(*)::int as n from orders where source_id = ${shop.id} group by external_id`;
  const applied = new Map(orders.map((o) => [o.external_id as string, o.n as number]));
  for (const index of acked.keys()) expect(applied.get(`K-${index}`), `order K-${index}`).toBe(1);
  // Exactly once in effect: each of the 10 customers has as many completed orders as distinct
  // orders of theirs were stored, and 100 ₸ each.
  const customers = await sql`
    select c.completed_order_count as completed, c.total_spent::text as total,
           (select count(*)::int from orders o where o.customer_id = c.id and o.deleted_at is null) as stored
    from customers c where c.org_id = ${shop.orgId}`;
  expect(customers.length).toBe(10);
  for (const c of customers) {
    expect(c.completed).toBe(c.stored);
    expect(Number(c.total)).toBe(c.stored * 100);
  }
});

async function signIn(page: Page) {
  await page.goto(`${origin}/login`);
  await page.getByLabel(/e-mail/i).fill(ADMIN.email);
  await page.getByLabel(/пароль|password/i).fill(ADMIN.password);
  await page.getByRole("button", { name: /войти|sign in/i }).click();
  await expect(page.getByTestId("viewer-name")).toBeVisible();
}

test("an admin sees a posted webhook on the Webhooks page and replays a dead one", async ({ page }) => {
  const posted = await postOrder(9_001);
  expect(posted.acked).toBe(true);
  await signIn(page);
  await page.goto(`${origin}/admin/webhooks?status=done`);
  await expect(page.getByTestId("inbound-url").first()).toContainText(`/api/webhooks/shop/${shop.id}`);
  await expect(page.getByTestId(`event-row-${posted.eventId}`)).toContainText("order.created");
  await page.getByTestId(`event-row-${posted.eventId}`).getByRole("link").click();
  await expect(page.getByTestId("event-body")).toContainText('"id": "K-9001"');

  // An event that exhausted its attempts (made so directly: no real failure is needed to show replay).
  await sql`update webhook_events set status = 'dead', attempts = 10, last_error = 'connect ECONNREFUSED' where id = ${posted.eventId!}`;
  await page.goto(`${origin}/admin/webhooks?status=dead`);
  await expect(page.getByTestId(`event-row-${posted.eventId}`)).toContainText("ECONNREFUSED");
  await page.getByTestId(`webhook-source-${shop.id}`).getByRole("button").click();
  await expect
    .poll(async () => (await sql`select status from webhook_events where id = ${posted.eventId!}`)[0].status, { timeout: 15_000 })
    .toBe("done");
  await page.goto(`${origin}/admin/webhooks?status=dead`);
  await expect(page.getByTestId(`event-row-${posted.eventId}`)).toHaveCount(0);
});

test("a Russian admin reads why a delivery was refused or ignored in Russian, the sender's own words beside", async ({ page }) => {
  const post = async (body: string) => {
    const response = await fetch(`${origin}/api/webhooks/shop/${shop.id}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-voronka-signature": shopSignature(shop.secret, body) },
    });
    return { status: response.status, id: (await response.json()).id as number };
  };
  const order = { id: "K-9100", status: "completed", createdAt: "2026-11-15T10:00:00+05:00", total: "100", customer: { phone: "+77015550100" } };
  const ignored = await post(shopBody("order.paid", order));
  const refused = await post(shopBody("order.created", { ...order, total: "twelve" }));
  expect([ignored.status, refused.status]).toEqual([200, 400]);

  await signIn(page);
  await page.goto(`${origin}/admin/webhooks?status=ignored`);
  await expect(page.getByTestId(`event-row-${ignored.id}`).getByTestId("event-failure")).toHaveText("Событие order.paid Воронка не использует.");
  await page.goto(`${origin}/admin/webhooks?status=rejected`);
  const failure = page.getByTestId(`event-row-${refused.id}`).getByTestId("event-failure");
  await expect(failure).toContainText("Заказ не соответствует формату вебхука магазина.");
  await expect(failure).toContainText("order.total: must be a decimal amount such as 12500.50");
  await page.getByTestId(`event-row-${refused.id}`).getByRole("link").click();
  await expect(page.getByTestId("event-error")).toContainText("Заказ не соответствует формату вебхука магазина.");
});

test("a new order's customer appears on the Customers page with their order", async ({ page }) => {
  const body = shopBody("order.created", { id: "NEW-1", status: "completed", createdAt: "2026-11-20T12:00:00+05:00", total: "45000", customer: { name: "Жанна Ахметова", phone: "8 (777) 321-00-11" } });
  const response = await fetch(`${origin}/api/webhooks/shop/${shop.id}`, { method: "POST", body, headers: { "content-type": "application/json", "x-voronka-signature": shopSignature(shop.secret, body) } });
  expect(response.status).toBe(200);
  await signIn(page);
  await expect
    .poll(async () => {
      await page.goto(`${origin}/customers?q=Жанна`);
      return page.getByTestId("customers-table").getByTestId("customer-row").count();
    }, { timeout: 15_000 })
    .toBe(1);
  const row = page.getByTestId("customers-table").getByTestId("customer-row");
  // Stored as E.164 (+77773210011), shown as the phone is written in Kazakhstan.
  await expect(row).toContainText("+7 777 321 0011");
  await row.getByRole("link").click();
  await expect(page.getByTestId("customer-orders")).toContainText("№NEW-1");
});
