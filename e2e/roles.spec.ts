// Several instances against one PostgreSQL, run as the container image runs them (the standalone
// server laid out as the Dockerfile's last stage copies it): two web instances answer, two workers
// drain the inbox and run syncs (VORONKA_ROLE, docs/deploy.md). Webhooks sent to both web
// instances are applied exactly once although a worker is SIGKILLed mid-stream, and "Sync now"
// asked of a web instance is run once, by a worker, its deals counted once in the report facts.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { startBitrix24Mock, type Bitrix24Mock } from "./mocks/bitrix24-mock";

test.describe.configure({ mode: "serial" });

const root = process.cwd(); // playwright runs from the repository
const imageDir = path.join(root, ".data/standalone-e2e");
const firstPort = Number(process.env.E2E_PORT ?? 3100) + 300;
const serverUrl = process.env.E2E_POSTGRES_URL ?? "postgres://root@127.0.0.1:5432/postgres";
const dbName = `voronka_roles_${process.pid}`;
const dbUrl = serverUrl.replace(/\/[^/]*$/, `/${dbName}`);
const admin = { email: "roles-admin@voronka.test", password: "roles-e2e-password" };

type Instance = { name: string; role: "web" | "worker"; port: number; url: string; child?: ChildProcess; log: string };
const instances: Instance[] = [
  ["web1", "web"],
  ["web2", "web"],
  ["worker1", "worker"],
  ["worker2", "worker"],
].map(([name, role], i) => ({ name, role: role as Instance["role"], port: firstPort + i, url: `http://127.0.0.1:${firstPort + i}`, log: path.join(root, `.data/standalone-${name}.log`) }));
const [web1, web2, worker1] = instances;

let sql: postgres.Sql;
let mock: Bitrix24Mock;

/** What the image holds (Dockerfile, last stage): the standalone server, its static files, public/ and the server script. */
function layOutImage() {
  rmSync(imageDir, { recursive: true, force: true });
  cpSync(path.join(root, ".next/standalone"), imageDir, { recursive: true });
  cpSync(path.join(root, ".next/static"), path.join(imageDir, ".next/static"), { recursive: true });
  cpSync(path.join(root, "public"), path.join(imageDir, "public"), { recursive: true });
  mkdirSync(path.join(imageDir, "scripts"));
  cpSync(path.join(root, "scripts/serve.mjs"), path.join(imageDir, "scripts/serve.mjs"));
}

function start(instance: Instance) {
  const out = openSync(instance.log, "w");
  instance.child = spawn(process.execPath, ["scripts/serve.mjs", "-H", "127.0.0.1", "-p", String(instance.port)], {
    cwd: imageDir,
    stdio: ["ignore", out, out],
    // Only what a container would be given (compose.yaml, .env.example).
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      VORONKA_ROLE: instance.role,
      DATABASE_URL: dbUrl,
      AUTH_SECRET: "roles-e2e-secret-that-is-only-for-tests",
      AUTH_URL: instance.url,
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      SEED_DEMO: "false",
      ORG_TIMEZONE: "Asia/Almaty",
      ORG_CURRENCY: "KZT",
      ALLOW_PRIVATE_CRM_URLS: "true",
    },
  });
}

async function healthy(instance: Instance, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${instance.url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    if (instance.child?.exitCode !== null && instance.child?.exitCode !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${instance.name} did not become healthy; its log:\n${readFileSync(instance.log, "utf8").slice(-2000)}`);
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  expect(done(value), `${what}: ${JSON.stringify(value)}`).toBe(true);
  return value;
}

async function post<T>(page: Page, instance: Instance, route: string, data: unknown): Promise<{ status: number; body: T }> {
  const response = await page.request.post(`${instance.url}${route}`, { data, headers: { origin: instance.url } });
  return { status: response.status(), body: (await response.json()) as T };
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  layOutImage();
  sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${dbName} with (force)`);
  await sql.unsafe(`create database ${dbName}`);
  await sql.end();
  sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  // The first instance migrates and creates the admin; the others then start together.
  start(web1);
  await healthy(web1);
  for (const instance of instances.slice(1)) start(instance);
  await Promise.all(instances.slice(1).map((instance) => healthy(instance)));
  mock = await startBitrix24Mock({ deals: 40, seed: 31 });
});

test.afterAll(async () => {
  for (const instance of instances) instance.child?.kill("SIGKILL");
  await mock?.close();
  await sql?.end();
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await server.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await server.end();
});

async function signIn(page: Page, instance: Instance) {
  await page.goto(`${instance.url}/login`);
  await page.getByLabel(/e-mail/i).fill(admin.email);
  await page.getByLabel(/пароль|password/i).fill(admin.password);
  await page.getByRole("button", { name: /войти|sign in/i }).click();
  await expect(page.getByTestId("viewer-name")).toBeVisible();
}

test("webhooks sent to two web instances are applied exactly once, though a worker is killed mid-stream", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, web1);
  const created = await post<{ id: string; inboundWebhookUrl: string }>(page, web1, "/api/sources", { kind: "form", name: "Tilda (roles)" });
  expect(created.status).toBe(201);
  const address = new URL(created.body.inboundWebhookUrl);
  const to = (instance: Instance) => `${instance.url}${address.pathname}`;
  const submission = (i: number) =>
    new URLSearchParams({ Name: `Лид ${i}`, Phone: `+7 701 555 ${String(1000 + i).padStart(4, "0")}`, tranid: `roles:${i}`, formid: "roles", formname: "Роли (e2e)" }).toString();
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const send = (i: number, instance: Instance) => page.request.post(to(instance), { headers: form, data: submission(i) }).then((r) => r.status());

  const statuses: number[] = [];
  for (let batch = 0; batch < 10; batch++) {
    if (batch === 5) worker1.child!.kill("SIGKILL"); // mid-stream, while the workers drain
    const sent = Array.from({ length: 20 }, (_, k) => batch * 20 + k);
    statuses.push(...(await Promise.all(sent.map((i) => send(i, i % 2 === 0 ? web1 : web2)))));
  }
  // Tilda retries a slow answer: twenty deliveries again, to the other instance.
  statuses.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => send(i, i % 2 === 0 ? web2 : web1)))));
  expect(statuses).toHaveLength(220);
  expect(statuses.every((status) => status === 200)).toBe(true);

  const sourceId = created.body.id;
  // Only the surviving worker drains now; nothing is left waiting, nothing failed.
  await until("events still waiting", async () => Number((await sql`select count(*) from webhook_events where source_id = ${sourceId} and status in ('pending', 'processing', 'failed')`)[0].count), (n) => n === 0);
  const leads = await sql`select count(*)::int as rows, count(distinct phone)::int as phones from form_leads where source_id = ${sourceId}`;
  expect(leads[0]).toEqual({ rows: 200, phones: 200 });
  expect(Number((await sql`select count(*) from webhook_events where source_id = ${sourceId} and status = 'dead'`)[0].count)).toBe(0);
  // The report counts each lead once, asked of either web instance.
  for (const instance of [web1, web2]) {
    const response = await page.request.get(`${instance.url}/api/reports/leads-by-source?preset=this-month`);
    expect(response.status()).toBe(200);
    const report = (await response.json()) as { forms: { totals: { formLeads: number; lost: number } } };
    expect(report.forms.totals).toMatchObject({ formLeads: 200, lost: 200 });
  }
});

test("'Sync now' asked of a web instance is run once, by a worker, and its deals are counted once", async ({ page }) => {
  test.setTimeout(240_000);
  // The killed worker comes back; two workers hear the signal, one takes the run.
  start(worker1);
  await healthy(worker1);
  await signIn(page, web2);
  const created = await post<{ id: string }>(page, web2, "/api/sources", { kind: "bitrix24", name: "Bitrix24 (roles)", webhookUrl: mock.webhookUrl });
  expect(created.status).toBe(201);
  const sourceId = created.body.id;
  const asked = await post<{ runId: string }>(page, web2, `/api/sources/${sourceId}/sync`, { mode: "full" });
  expect(asked.status).toBe(202);

  await until(
    "the run",
    async () => (await sql`select status from sync_runs where id = ${asked.body.runId}`)[0]?.status as string,
    (status) => status === "succeeded",
    120_000,
  );
  const runs = await sql`select count(*)::int as n from sync_runs where source_id = ${sourceId}`;
  expect(runs[0].n).toBe(1);
  const portalDeals = mock.state.mutations.rows("deal").length;
  expect(portalDeals).toBe(40);
  const stored = await sql`select count(*)::int as n from deals where source_id = ${sourceId} and deleted_at is null`;
  expect(stored[0].n).toBe(40);
  const counted = await sql`select coalesce(sum(deals), 0)::int as n from report_deal_daily where source_id = ${sourceId} and kind = 'created'`;
  expect(counted[0].n).toBe(40);
  // The page shows it done, on the other web instance too.
  const history = await page.request.get(`${web1.url}/api/sources/${sourceId}/runs`);
  expect(((await history.json()) as { runs: { id: string; status: string }[] }).runs).toEqual([expect.objectContaining({ id: asked.body.runId, status: "succeeded" })]);
});
