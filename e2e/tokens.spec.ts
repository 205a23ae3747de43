import { expect, test } from "@playwright/test";
import { logins, signInAndWait } from "./fixtures";

test("a manager creates an API token, a script uses it, and revoking it locks the script out", async ({ page, playwright, baseURL }) => {
  await signInAndWait(page, logins.manager2);
  await page.getByRole("link", { name: "API-токены" }).click();
  await page.getByLabel("Название").fill("Power BI");
  await page.getByRole("button", { name: "Создать" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^vrk_/);
  await expect(page.getByRole("cell", { name: "Power BI" })).toBeVisible();

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const sessionView = await (await page.request.get("/api/overview")).json();
  const asScript = await script.get("/api/overview");
  expect(asScript.status()).toBe(200);
  expect(await asScript.json()).toEqual(sessionView); // the token carries its owner's scope

  await page.getByRole("button", { name: "Отозвать" }).click();
  await expect(page.getByText("У вас пока нет токенов.")).toBeVisible();
  expect((await script.get("/api/overview")).status()).toBe(401);
  await script.dispose();
});
