// Live dashboards (issue 21): an admin keeps the Overview open; a lead won in amoCRM arrives by
// webhook, and the revenue on the open page moves by its amount within 2 s of the acknowledgement,
// with no reload. A manager's open Overview, whose scope the sale is not in, keeps its figure.
import { expect, test, type Page } from "@playwright/test";
import { amoBody, amoLead } from "../lib/ingest/test/bodies";
import { logins, signInAndWait } from "./fixtures";

/** The demo's amoCRM account and its sales pipeline (db/demo), as notifications.spec.ts posts to it. */
const ACCOUNT = { id: "29638927", subdomain: "voronka-demo" };
const WON = "142";
const PIPELINE = "7841236";

const revenueOf = async (page: Page) => money(await page.getByTestId("kpi-revenue").getByTestId("kpi-value").innerText());
/** «12 345 678,50 ₸» → 12345678.5 */
const money = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));

async function openLiveOverview(page: Page) {
  await page.goto("/overview");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "on");
}

test("a won deal's webhook moves the revenue on an open Overview within 2 s, without a reload", async ({ page, browser }) => {
  // The webhook address carries the source's secret, shown to an admin on the Sources page.
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const amoCard = page.getByRole("region", { name: "amoCRM — онлайн-школа" });
  await amoCard.getByRole("button", { name: "Показать секрет" }).click();
  await expect(amoCard.getByTestId("inbound-url")).not.toContainText("••••••••");
  const path = new URL((await amoCard.getByTestId("inbound-url").textContent())!.trim()).pathname;

  await openLiveOverview(page);
  const manager = await (await browser.newContext()).newPage();
  await signInAndWait(manager, logins.manager1);
  await openLiveOverview(manager);
  const before = await revenueOf(page);
  const managerBefore = await revenueOf(manager);
  let navigations = 0;
  page.on("framenavigated", () => navigations++);

  // Won now, 77 000 ₸, by an amoCRM user the demo does not map to any manager.
  const now = Math.floor(Date.now() / 1000);
  const lead = amoLead({ id: "991001", name: "Живое обновление", statusId: WON, pipelineId: PIPELINE, price: "77000", responsibleUserId: "1", createdAt: now - 3_600, updatedAt: now });
  const response = await page.request.post(path, { data: amoBody(ACCOUNT, { leads: { add: [lead] } }), headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(response.status()).toBe(200);
  const acknowledged = Date.now();

  // The target is 2 s (docs/api.md#live-updates); 565 ms measured on CI's quiet two cores.
  await expect.poll(() => revenueOf(page), { timeout: 2_000, intervals: [100] }).toBe(before + 77_000);
  const took = Date.now() - acknowledged;
  test.info().annotations.push({ type: "webhook to revenue on screen", description: `${took} ms` });
  console.log(`webhook to revenue on screen: ${took} ms`);
  expect(navigations).toBe(0);
  // The sale is nobody's of manager1's: their open page asked again and kept its figure.
  await manager.waitForTimeout(1_500);
  expect(await revenueOf(manager)).toBe(managerBefore);
});
