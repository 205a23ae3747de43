// Phones (issue 16 §1): every signed-in page of every role at 390×844 fits the screen (no sideways
// scroll of the page itself: wide tables scroll inside their card), every chart draws its marks,
// and the menu drawer and the filter sheet that replace the sidebar and the filter bar work.
// A full-page screenshot of each page is attached to the report, to look at.
import { expect, test, type Page } from "@playwright/test";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { messages } from "../lib/i18n/messages";
import { signIn } from "./fixtures";
import { loginOf, pagesByRole, waitForPageData, type WalkRole } from "./page-walk";

const phone = { width: 390, height: 844 };
const t = messages.ru;
const filters = dashboardMessages.ru.filters;

test.use({ viewport: phone });

/** Signs in at phone size: the viewer's name is inside the closed menu there, so wait for the page's heading. */
async function signInOnPhone(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** The page's width against the viewport, and the outermost elements that stick out (to name the culprit). */
function measureOverflow(page: Page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.getAttribute("data-testid") ? `[data-testid=${element.getAttribute("data-testid")}]` : ""}${element.className && typeof element.className === "string" ? `.${element.className.split(" ").slice(0, 3).join(".")}` : ""}`;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > limit + 0.5 && (element.parentElement?.getBoundingClientRect().right ?? 0) <= limit + 0.5)
      .slice(0, 3)
      .map(describe);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

/** Each chart on the page: how many marks (bars, lines, areas, slices) it drew with a visible size. */
function chartMarks(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("main .recharts-wrapper")].map((chart) => {
      const marks = [...chart.querySelectorAll(".recharts-bar-rectangle path, .recharts-line-curve, .recharts-area-area, .recharts-sector")].filter((mark) => {
        const box = (mark as SVGGraphicsElement).getBBox();
        // A line or a flat area may be 0 px high; a bar or a slice has both sides.
        return box.width > 0 && (box.height > 0 || mark.classList.contains("recharts-line-curve") || mark.classList.contains("recharts-area-area"));
      });
      const card = chart.closest("[data-testid]");
      return { chart: card?.getAttribute("data-testid") ?? "chart", width: Math.round(chart.getBoundingClientRect().width), marks: marks.length };
    }),
  );
}

for (const role of ["admin", "director", "manager"] as const satisfies readonly WalkRole[]) {
  test(`${role}: every page fits a 390 px phone and every chart draws its marks`, async ({ page }, testInfo) => {
    test.setTimeout(40_000 + pagesByRole[role].length * 12_000);
    await signInOnPhone(page, loginOf[role]);
    for (const path of pagesByRole[role]) {
      await page.goto(path);
      await waitForPageData(page);
      const { scrollWidth, culprits } = await measureOverflow(page);
      expect.soft(scrollWidth, `${path}: the page is ${scrollWidth} px wide on a ${phone.width} px phone (sticking out: ${culprits.join(", ") || "—"})`).toBeLessThanOrEqual(phone.width);
      for (const chart of await chartMarks(page)) {
        expect.soft(chart.marks, `${path}: the chart in ${chart.chart} (${chart.width} px wide) draws no marks`).toBeGreaterThan(0);
      }
      await testInfo.attach(`${role} ${path}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    }
  });
}

test("the menu button opens a drawer with the pages and the viewer; a page closes it", async ({ page }, testInfo) => {
  await signInOnPhone(page, loginOf.admin);
  const menu = page.getByRole("button", { name: t.menu });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("viewer-name")).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const drawer = page.locator(`#${await menu.getAttribute("aria-controls")}`);
  const nav = drawer.getByRole("navigation");
  for (const name of [t.nav.overview, t.nav.sales, t.nav.funnel, t.nav.managers, t.nav.leads, t.nav.traffic, t.nav.customers, t.nav.tokens, t.nav.admin]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(drawer.getByTestId("viewer-name")).toBeVisible();
  await testInfo.attach("the menu drawer", { body: await page.screenshot(), contentType: "image/png" });
  // Focus moves into the drawer, so a keyboard or screen reader user lands on its links.
  await expect.poll(() => drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);

  await nav.getByRole("link", { name: t.nav.sales, exact: true }).click();
  await expect(page).toHaveURL(/\/sales$/);
  await expect(page.getByRole("heading", { level: 1, name: dashboardMessages.ru.sales.title })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  // Escape closes it too, and gives the focus back to the button.
  await menu.click();
  await expect(nav).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
});

test("the filters fold into one row whose sheet holds them all; a preset changes the URL", async ({ page }, testInfo) => {
  await signInOnPhone(page, loginOf.director);
  await page.goto("/sales");
  await waitForPageData(page);
  const open = page.getByRole("button", { name: filters.label });
  await expect(page.getByTestId("filter-summary")).toHaveText(filters.presets["last-12-months"]);
  // The folded bar is one row: no taller than a button and its padding.
  expect((await page.getByTestId("filter-row").boundingBox())?.height).toBeLessThan(72);
  await expect(page.getByRole("button", { name: filters.presets["last-month"] })).toBeHidden();

  await open.click();
  const sheet = page.getByRole("dialog", { name: filters.label });
  await expect(sheet).toBeVisible();
  for (const label of [filters.from, filters.to, filters.pipeline, filters.manager, filters.source]) {
    await expect(sheet.getByLabel(label, { exact: true })).toBeVisible();
  }
  // The date inputs keep room for a whole date (they shrank to their calendar icon before).
  for (const label of [filters.from, filters.to]) {
    expect((await sheet.getByLabel(label, { exact: true }).boundingBox())?.width).toBeGreaterThanOrEqual(110);
  }

  await testInfo.attach("the filter sheet", { body: await page.screenshot(), contentType: "image/png" });

  await sheet.getByRole("button", { name: filters.presets["last-month"] }).click();
  await expect(page).toHaveURL(/[?&]preset=last-month(&|$)/);
  await sheet.getByRole("button", { name: filters.done }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByTestId("filter-summary")).toHaveText(filters.presets["last-month"]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
});
