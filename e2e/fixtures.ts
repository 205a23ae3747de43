import { expect, type Page } from "@playwright/test";

/** The demo logins of the README (db/demo). */
export const DEMO_PASSWORD = "voronka-demo";
export const logins = {
  admin: "admin@voronka.demo",
  director: "director@voronka.demo",
  manager1: "manager1@voronka.demo",
  manager2: "manager2@voronka.demo",
  manager3: "manager3@voronka.demo",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.goto("/login");
  const emailField = page.getByLabel(/e-mail/i);
  // A run once timed out here with nothing to go on: say what the browser had instead of the form.
  await expect(emailField)
    .toBeVisible()
    .catch(async () => {
      const body = await page.locator("body").innerText().catch(() => "(no body)");
      throw new Error(`no sign-in form: GET /login answered ${response?.status()}, the page is ${page.url()}: ${body.slice(0, 400)}`);
    });
  await emailField.fill(email);
  await page.getByLabel(/пароль|password/i).fill(password);
  await page.getByRole("button", { name: /войти|sign in/i }).click();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("viewer-name")).toBeVisible();
}

/** GET a JSON API as the signed-in page, asserting it answered 200. */
export async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** The deals list's rows on one page: at most this many (components/deals/use-deals.ts). */
export const DEALS_PAGE_SIZE = 50;
