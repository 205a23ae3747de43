// The header search (docs/search.md): a manager types a deal's title, sees it among the results and
// opens its card with the keyboard; a client's phone typed the local way finds the contact on a
// phone-sized screen; a colleague's deal never comes up.
import { expect, test } from "@playwright/test";
import { searchMessages } from "../lib/i18n/search-messages";
import { apiJson, logins, signInAndWait } from "./fixtures";

type Hit = { id: string; title: string; href: string | null; phone?: string | null };
type Result = { groups: { kind: string; hits: Hit[] }[] };
type DealsPage = { deals: { id: string; title: string }[] };
type Card = { deal: { title: string }; contact: { name: string; phone: string | null } | null };

const t = searchMessages.ru;
const hitsOf = (result: Result, kind: string) => result.groups.find((group) => group.kind === kind)?.hits ?? [];

test("a manager types a deal's title, sees it and opens its card with the keyboard", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  const { deals } = await apiJson<DealsPage>(page, "/api/deals?limit=1&sort=created&order=desc");
  const title = deals[0].title;
  // the API's first hit is the dropdown's first option
  const expected = hitsOf(await apiJson<Result>(page, `/api/search?q=${encodeURIComponent(title)}`), "deals")[0];
  expect(expected.title).toBe(title);

  await page.goto("/overview");
  const box = page.getByRole("combobox", { name: t.label });
  await box.fill(title);
  const first = page.getByTestId("search-hit").first();
  await expect(first).toContainText(title);
  await expect(first).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${expected.href}$`));
  await expect(page.getByTestId("deal-card-title")).toHaveText(title);
});

test("nothing found is said in words, and a colleague's deal never comes up", async ({ page, browser }) => {
  await signInAndWait(page, logins.manager1);
  await page.getByRole("combobox", { name: t.label }).fill("щщщщщ");
  await expect(page.getByTestId("search-status")).toHaveText("По запросу «щщщщщ» ничего не найдено");

  const colleague = await browser.newPage();
  await signInAndWait(colleague, logins.manager2);
  const { deals } = await apiJson<DealsPage>(colleague, "/api/deals?limit=1&sort=created&order=desc");
  await colleague.close();
  const mine = await apiJson<Result>(page, `/api/search?q=${encodeURIComponent(deals[0].title)}`);
  expect(hitsOf(mine, "deals").map((hit) => hit.id)).not.toContain(deals[0].id);
});

test("on a 390 px phone a client's number typed as 8 7xx … finds the contact", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await page.setViewportSize({ width: 390, height: 844 });
  const { deals } = await apiJson<DealsPage>(page, "/api/deals?limit=20&sort=created&order=desc");
  let contact: Card["contact"] = null;
  for (const deal of deals) {
    contact = (await apiJson<Card>(page, `/api/deals/${deal.id}`)).contact;
    if (contact?.phone?.startsWith("+7")) break;
  }
  expect(contact?.phone).toMatch(/^\+7\d{10}$/);
  await page.goto("/overview");
  const local = `8 ${contact!.phone!.slice(2, 5)} ${contact!.phone!.slice(5, 8)}-${contact!.phone!.slice(8, 10)}-${contact!.phone!.slice(10)}`;
  const box = page.getByRole("combobox", { name: t.label });
  await box.fill(local);
  await expect(page.getByTestId("search-hit").filter({ hasText: contact!.name }).first()).toBeVisible();
  // no sideways scroll with the dropdown open
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
