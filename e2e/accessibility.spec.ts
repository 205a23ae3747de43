// Accessibility (issue 16 §7): axe-core (WCAG 2.0/2.1 A and AA) on every signed-in page of every role
// and on the sign-in page, with and without its error; a skip link; a visible focus ring; a sign-in card
// that stays put when an error appears. Serious and critical violations fail; every impact is counted
// in an attachment (axe-counts-*.json) and printed, so a change can quote its figures.
// The same walk checks that every page speaks Russian (e2e/russian-words.ts): one visit per page serves
// both, which keeps the end-to-end run short.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { messages } from "../lib/i18n/messages";
import { DEMO_PASSWORD, logins, signIn, signInAndWait } from "./fixtures";
import { loginOf, pagesByRole, waitForPageData, type WalkRole } from "./page-walk";
import { latinWordsOn, organisationDataNames } from "./russian-words";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const IMPACTS = ["critical", "serious", "moderate", "minor"] as const;
type Impact = (typeof IMPACTS)[number];
/**
 * One page's figures: violated rules per impact ("total" counts rules, "nodes" the elements they flagged),
 * the rules axe could not decide ("needsReview": mostly text over chart SVGs) and the chart legend texts
 * below 4.5:1 and the charts without a name that this spec finds itself ("legendBelowAA", "unnamedCharts").
 */
type PageCounts = { page: string; total: number; nodes: number } & Record<Impact, number> & { needsReview: number; legendBelowAA: number; unnamedCharts: number };
type Audit = { counts: PageCounts; blocking: string[] };

const t = messages.ru;

test.use({ viewport: { width: 1440, height: 900 } });

/** Charts draw after the client measures their box: wait for each one's SVG before axe reads colours. */
async function waitForCharts(page: Page) {
  await page.waitForFunction(() => [...document.querySelectorAll(".recharts-responsive-container")].every((box) => box.querySelector("svg")), undefined, { timeout: 15_000 });
}

/**
 * Chart legends' text contrast, which axe leaves to "needs review" (the chart's SVG lies under the legend,
 * so it cannot tell the background): each legend text's colour against the first opaque background above
 * it, as WCAG's contrast ratio. Colours go through a canvas pixel, so any CSS colour syntax (oklch) reads as sRGB.
 */
async function lowContrastLegends(page: Page): Promise<{ text: string; ratio: number }[]> {
  return page.evaluate(() => {
    const pixel = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (color: string) => {
      pixel.clearRect(0, 0, 1, 1);
      pixel.fillStyle = color;
      pixel.fillRect(0, 0, 1, 1);
      return [...pixel.getImageData(0, 0, 1, 1).data];
    };
    const luminance = ([r, g, b]: number[]) => {
      const linear = (channel: number) => (channel / 255 <= 0.04045 ? channel / 255 / 12.92 : ((channel / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const background = (element: Element | null): number[] => {
      for (let at = element; at; at = at.parentElement) {
        const color = rgba(getComputedStyle(at).backgroundColor);
        if (color[3] === 255) return color;
      }
      return [255, 255, 255, 255];
    };
    const texts = [...document.querySelectorAll(".recharts-legend-wrapper *, figure ul *")].filter((element) =>
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ""),
    );
    return texts
      .map((element) => {
        const [lighter, darker] = [luminance(rgba(getComputedStyle(element).color)), luminance(background(element))].sort((a, b) => b - a);
        return { text: element.textContent!.trim(), ratio: (lighter + 0.05) / (darker + 0.05) };
      })
      .filter((legend) => legend.ratio < 4.5);
  });
}

/** Charts whose figure has no name, or whose focusable SVG (Recharts' keyboard layer) lacks the same name. */
async function unnamedCharts(page: Page): Promise<number> {
  return page.locator(".recharts-wrapper").evaluateAll(
    (charts) =>
      charts.filter((chart) => {
        const name = chart.closest("figure")?.getAttribute("aria-label");
        return !name || chart.querySelector(":scope > svg.recharts-surface")?.getAttribute("aria-label") !== name;
      }).length,
  );
}

async function audit(page: Page, label: string): Promise<Audit> {
  const { violations, incomplete } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const legends = await lowContrastLegends(page);
  const unnamed = await unnamedCharts(page);
  const counts: PageCounts = {
    ...{ page: label, total: violations.length, nodes: 0, critical: 0, serious: 0, moderate: 0, minor: 0 },
    ...{ needsReview: incomplete.length, legendBelowAA: legends.length, unnamedCharts: unnamed },
  };
  const blocking = legends.map((legend) => `${label}: chart legend contrast (serious) ${legend.ratio.toFixed(2)}:1 "${legend.text}"`);
  if (unnamed > 0) blocking.push(`${label}: ${unnamed} chart(s) without an accessible name (serious)`);
  for (const violation of violations) {
    const impact = (violation.impact ?? "minor") as Impact;
    counts[impact]++;
    counts.nodes += violation.nodes.length;
    if (impact !== "serious" && impact !== "critical") continue;
    for (const node of violation.nodes) blocking.push(`${label}: ${violation.id} (${impact}) ${node.target.join(" ")}`);
  }
  return { counts, blocking };
}

/** The counts as a JSON attachment and a printed table; then the serious and critical ones fail the test. */
async function report(testInfo: TestInfo, name: string, audits: Audit[]) {
  const counts = audits.map((one) => one.counts);
  await testInfo.attach(`axe-counts-${name}.json`, { body: JSON.stringify(counts, null, 2), contentType: "application/json" });
  const sum = (impact: Impact) => counts.reduce((total, one) => total + one[impact], 0);
  const legends = counts.reduce((total, one) => total + one.legendBelowAA, 0);
  console.log(`axe ${name}: ${IMPACTS.map((impact) => `${impact} ${sum(impact)}`).join(", ")} (rules violated, summed over ${counts.length} pages); chart legend texts below 4.5:1: ${legends}`);
  console.table(counts);
  expect(audits.flatMap((one) => one.blocking), "serious and critical axe violations").toEqual([]);
}

/**
 * Pages behind a list's first link (a user's profile, a customer's orders, a webhook event's detail): not
 * in the shared list, whose paths carry no ids, so the walk follows the link after auditing the list.
 */
const firstDetailOf: Record<string, string> = {
  "/admin/users": 'main a[href^="/admin/users/"]',
  "/customers": 'main a[href*="customer="]',
  "/admin/webhooks": 'main a[href*="event="]',
};

let dataNames = new Set<string>();
test.beforeAll(async ({ browser }) => {
  dataNames = await organisationDataNames(browser);
});

for (const role of Object.keys(pagesByRole) as WalkRole[]) {
  test(`every page a ${role} opens has no serious or critical axe violation and speaks Russian`, async ({ page }, testInfo) => {
    test.setTimeout(60_000 + pagesByRole[role].length * 30_000);
    await signInAndWait(page, loginOf[role]);
    const audits: Audit[] = [];
    const untranslated: string[] = [];
    for (const path of pagesByRole[role]) {
      await page.goto(path);
      await waitForPageData(page);
      await waitForCharts(page);
      audits.push(await audit(page, path));
      expect.soft(await page.evaluate(() => document.documentElement.lang), path).toBe("ru");
      const words = await latinWordsOn(page, path, dataNames);
      if (words.length > 0) untranslated.push(`${path}: ${words.join(", ")}`);
      const link = page.locator(firstDetailOf[path] ?? "no-such-element").first();
      // (The demo has no webhook events yet: that list may have no link to follow.)
      const detail = (await link.count()) > 0 ? await link.getAttribute("href") : null;
      if (!detail) continue;
      await page.goto(detail);
      await waitForPageData(page);
      audits.push(await audit(page, detail.replace(/[0-9a-f-]{36}|\d+$/, ":id")));
    }
    if (untranslated.length > 0) console.log(`${role}, Latin words:\n${untranslated.join("\n")}`);
    expect.soft(untranslated, "Latin words on Russian pages").toEqual([]);
    await report(testInfo, role, audits);
  });
}

test("the sign-in page has no serious or critical axe violation, with and without its error", async ({ page }, testInfo) => {
  await page.goto("/login");
  const audits = [await audit(page, "/login")];
  await signIn(page, logins.admin, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(t.login.invalid);
  audits.push(await audit(page, "/login (wrong password)"));
  await report(testInfo, "login", audits);
});

test("a wrong password's error leaves the sign-in card where it was, at the same size", async ({ page }) => {
  await page.goto("/login");
  const card = page.getByLabel(/e-mail/i).locator("xpath=ancestor::form/..");
  const submit = page.getByRole("button", { name: t.login.submit });
  const before = { card: await card.boundingBox(), submit: await submit.boundingBox() };
  await page.getByLabel(/e-mail/i).fill(logins.admin);
  await page.getByLabel(/пароль/i).fill(`not-${DEMO_PASSWORD}`);
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(t.login.invalid);
  // Same top, same height, and the button under the pointer has not moved either.
  expect(await card.boundingBox()).toEqual(before.card);
  expect(await submit.boundingBox()).toEqual(before.submit);
});

test("the first Tab on a dashboard shows a skip link, and Enter moves focus into the main content", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await waitForPageData(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: t.skipToContent });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const box = await skip.boundingBox();
  expect(box!.width * box!.height).toBeGreaterThan(100); // not a 1×1 px visually-hidden box
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  // The next Tab goes on inside the content, not back to the sidebar.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main")?.id)).toBe("main");
});

/** Tabs until `target` has focus (at most 40 presses), as a keyboard user would reach it. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error("never reached by Tab");
}

/** A focus indicator drawn by our ring: an outline of at least 2 px, or a box-shadow. */
async function focusIndicator(target: ReturnType<Page["locator"]>) {
  return target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), boxShadow: style.boxShadow };
  });
}

function expectVisibleRing(indicator: { outlineStyle: string; outlineWidth: number; boxShadow: string }) {
  const outlined = indicator.outlineStyle !== "none" && indicator.outlineWidth >= 2;
  expect(outlined || indicator.boxShadow !== "none", JSON.stringify(indicator)).toBe(true);
}

test("links, buttons, inputs and selects reached by keyboard show a focus ring", async ({ page }) => {
  await page.goto("/login");
  const email = page.getByLabel(/e-mail/i);
  await email.focus();
  expectVisibleRing(await focusIndicator(email));
  await signInAndWait(page, logins.admin);
  await waitForPageData(page);
  const controls = [
    page.getByRole("navigation").getByRole("link", { name: t.nav.sales }),
    page.getByRole("button", { name: t.signOut }),
    page.locator("main select").first(),
  ];
  for (const control of controls) {
    await tabTo(page, control);
    expectVisibleRing(await focusIndicator(control));
  }
});
