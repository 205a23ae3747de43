// TV mode and embedding in a real browser: an admin makes a display token, a fresh browser (the
// sales-floor screen) opens its address and sees the dashboards full screen — large figures, no
// navigation, live — can change nothing, and is shut out once the token is revoked. An embed link
// opens without signing in, outside the app's shell.
import { expect, test } from "@playwright/test";
import { logins, signInAndWait } from "./fixtures";

test("an admin connects a TV: large figures in turn, no navigation, read-only, revocable", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/screens");
  const form = page.getByTestId("display-token-form");
  await form.getByLabel("Название").fill("ТВ в отделе продаж");
  await form.getByLabel("Менеджеры").check();
  await form.getByLabel("Смена слайда, секунд").fill("10");
  await form.getByRole("button", { name: "Создать" }).click();
  const tvUrl = (await page.getByTestId("tv-url").textContent())?.trim() ?? "";
  expect(tvUrl).toMatch(/\/tv\?token=vrd_[\w-]{43}$/);
  await expect(page.getByTestId("display-tokens-table").getByRole("cell", { name: "ТВ в отделе продаж" })).toBeVisible();

  // The screen: a browser nobody signed in to.
  const screen = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
  const tv = await screen.newPage();
  await tv.goto(tvUrl);
  await expect(tv).toHaveURL(/\/tv$/); // the token left the address bar for an httpOnly cookie
  await expect(tv.getByTestId("tv")).toBeVisible();
  const figures = tv.locator('[data-active="true"] [data-testid="board-kpi-value"]');
  await expect(figures).toHaveCount(7); // the Overview's seven KPIs
  await expect(figures.first()).not.toHaveText("");
  const fontSize = await figures.first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(48);
  // No navigation at all: no sidebar, no header, not one link.
  await expect(tv.locator("nav")).toHaveCount(0);
  await expect(tv.locator("a")).toHaveCount(0);
  await expect(tv.getByTestId("viewer-name")).toHaveCount(0);
  await expect(tv.getByTestId("live-status")).toHaveAttribute("data-state", "on");
  // Two dashboards, in turn: the Managers one comes after 10 s.
  await expect(tv.getByTestId("tv-slide-counter")).toHaveText("1 из 2");
  await expect(tv.getByTestId("tv-slide-counter")).toHaveText("2 из 2", { timeout: 15_000 });
  await expect(tv.locator('[data-active="true"] h1')).toHaveText("Менеджеры");

  // The screen's cookie reads reports, never writes: a write is a 403 and nothing is made.
  const write = await tv.request.post("/api/departments", { data: { name: "Захват" }, headers: { origin: baseURL! } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.code).toBe("display_token_read_only");
  expect((await tv.request.get("/api/reports/overview")).status()).toBe(200);

  // Revoked: the screen's next load says it is not connected.
  await page.reload();
  await page.getByTestId("display-tokens-table").getByRole("button", { name: "Отозвать" }).click();
  await expect(page.getByTestId("display-tokens-table").getByRole("cell", { name: "ТВ в отделе продаж" })).toHaveCount(0);
  await tv.reload();
  await expect(tv.getByTestId("tv-invalid")).toBeVisible();
  expect((await tv.request.get("/api/reports/overview")).status()).toBe(401);
  await screen.close();
});

test("an admin makes an embed link: it opens without signing in, without the app's shell, framable only as its policy says", async ({ page, browser, baseURL }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/screens");
  const form = page.getByTestId("embed-link-form");
  await form.getByLabel("Название").fill("Виджет в CRM");
  await form.getByLabel("Дашборд").selectOption("sales");
  await form.getByRole("button", { name: "Создать" }).click();
  const embedUrl = (await page.getByTestId("embed-url").textContent())?.trim() ?? "";
  expect(embedUrl).toMatch(/\/embed\/[0-9a-f-]{36}\.\d+\.[\w-]{43}$/);

  const outside = await browser.newContext({ baseURL });
  const widget = await outside.newPage();
  const response = await widget.goto(new URL(embedUrl).pathname);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-frame-options"]).toBeUndefined();
  expect(response?.headers()["content-security-policy"]).toMatch(/frame-ancestors [^;]+/);
  await expect(widget.getByTestId("embed")).toBeVisible();
  await expect(widget.locator("h1")).toHaveText("Продажи");
  await expect(widget.locator("nav")).toHaveCount(0);

  const forged = await widget.goto(`${new URL(embedUrl).pathname.slice(0, -3)}abc`);
  expect(forged?.status()).toBe(401);
  await expect(widget.getByText("Ссылка для встраивания повреждена, истекла или отозвана")).toBeVisible();
  await outside.close();
});

test("a signed-in director puts a dashboard on the TV with ?tv=1: the same filters, their own scope, no navigation", async ({ page, browser, baseURL }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/overview?preset=last-month");
  await page.getByTestId("tv-mode-link").click();
  await expect(page).toHaveURL(/\/tv\?dashboard=overview&preset=last-month$/);
  await expect(page.getByTestId("tv")).toBeVisible();
  await expect(page.locator('[data-testid="board-kpi-value"]')).toHaveCount(7);
  // The director's scope, said on the board; no sidebar, no links.
  await expect(page.getByTestId("board")).toContainText("Продажи Алматы");
  await expect(page.locator("nav")).toHaveCount(0);
  await expect(page.locator("a")).toHaveCount(0);
  // Not signed in, the same address is not a screen.
  const stranger = await browser.newContext({ baseURL });
  const other = await stranger.newPage();
  await other.goto("/tv?dashboard=overview&preset=last-month");
  await expect(other.getByTestId("tv-invalid")).toBeVisible();
  await stranger.close();
});
