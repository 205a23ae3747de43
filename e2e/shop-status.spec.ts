// Back to the shop on the demo organisation, on a phone-sized screen: an admin maps an amoCRM stage to
// a shop status in the shop card's form, a deal named after a shop order moves there (an amoCRM
// webhook), and the history shows the status sent to a mock shop that checked its signature
// (docs/shop-status.md). The scheduler's cron is called as a scheduler would.
import { expect, test, type Page } from "@playwright/test";
import { amoBody, amoLead, shopBody, shopSignature } from "../lib/ingest/test/bodies";
import { logins, signInAndWait, apiJson } from "./fixtures";
import { startShopCallbackMock } from "./mocks/shop-callback-mock";

const CRON_SECRET = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-for-tests-only";
let mock: Awaited<ReturnType<typeof startShopCallbackMock>> | undefined;

test.afterAll(async () => {
  await mock?.close();
});

async function post(page: Page, path: string, data: string, headers: Record<string, string>) {
  const response = await page.request.post(path, { data, headers });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
}

test("an admin maps a stage to a shop status, a deal moves there, and the history shows the status sent", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.setViewportSize({ width: 390, height: 844 });
  const { sources } = await apiJson<{ sources: { id: string; kind: string; name: string; inboundWebhookUrl: string }[] }>(page, "/api/sources");
  const shop = sources.find((s) => s.kind === "shop")!;
  const amo = sources.find((s) => s.kind === "amocrm")!;
  const origin = { origin: new URL(page.url()).origin };
  const reveal = async (id: string) => (await (await page.request.post(`/api/sources/${id}/secret`, { headers: origin })).json()) as { secret: string; inboundWebhookUrl: string };
  const shopSecret = (await reveal(shop.id)).secret;
  mock = await startShopCallbackMock(shopSecret);
  // The shop's order 7001, as its site posts it.
  const order = shopBody("order.created", { id: "7001", createdAt: new Date().toISOString(), total: "45000", customer: { name: "Айгерим", phone: "+77015557001" } });
  await post(page, `/api/webhooks/shop/${shop.id}`, order, { "content-type": "application/json", "x-voronka-signature": shopSignature(shopSecret, order) });

  await page.goto("/admin/sources");
  const section = page.getByRole("region", { name: shop.name }).getByTestId("shop-status");
  await section.getByText("Статусы заказов в магазин", { exact: true }).click();
  const form = section.getByTestId("shop-status-form");
  await form.getByLabel("Отправлять статусы в магазин").check();
  await form.getByLabel("Адрес магазина для статусов").fill("ftp://shop.example/status");
  await form.getByLabel("Flagship: Переговоры").fill("P");
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form).toContainText("Укажите адрес магазина, начинающийся с http:// или https://."); // beside the field
  await form.getByLabel("Адрес магазина для статусов").fill(mock.url);
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form).toContainText("Сохранено.");

  // The deal «Заказ №7001» moves to «Переговоры» in amoCRM.
  const now = Math.floor(Date.now() / 1000);
  const lead = amoLead({ id: "997001", name: "Заказ №7001", statusId: "61234607", oldStatusId: "61234604", pipelineId: "7841239", price: "45000", createdAt: now - 3600, updatedAt: now });
  await post(page, new URL((await reveal(amo.id)).inboundWebhookUrl).pathname, amoBody({ id: "29638927", subdomain: "voronka-demo" }, { leads: { status: [lead] } }), {
    "content-type": "application/x-www-form-urlencoded",
  });
  // The webhook is applied right after it is acknowledged; the cron then sends what the move queued.
  await expect
    .poll(async () => {
      await page.request.get("/api/cron/shop-status", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      return mock!.applied.get("7001") ?? [];
    }, { timeout: 15_000 })
    .toEqual(["P"]);
  expect(mock.requests.filter((r) => r.idempotencyKey === "7001:P").map((r) => [r.isSigned, r.answered])).toEqual([[true, 200]]);

  await page.reload();
  const history = page.getByRole("region", { name: shop.name }).getByTestId("shop-status");
  await history.getByText("Статусы заказов в магазин", { exact: true }).click();
  await history.getByRole("textbox", { name: "Номер заказа", exact: true }).fill("7001");
  await history.getByRole("button", { name: "Показать" }).click();
  const row = history.getByTestId("shop-status-row");
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-state", "sent");
  await expect(row).toContainText("Отправлен");
  await expect(row).toContainText("Заказ №7001");
  // The page fits the phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
