// Russian everywhere: every role walks every page of theirs in Russian and no word of Latin letters
// may show up but the names of the organisation's own data (read from its API, or marked
// translate="no" on the page) and the brand and unit terms below. The offending words are printed
// with their page, so a failure says what to translate.
import { expect, test, type Page } from "@playwright/test";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { apiJson, signInAndWait } from "./fixtures";
import { loginOf, pagesByRole, waitForPageData, type WalkRole } from "./page-walk";

/** Brand, product and unit terms that Russian text writes in Latin letters too. */
const allowed = new Set(
  [
    ...["Voronka", "Bitrix24", "amoCRM", "CRM", "Telegram", "UTM", "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"],
    ...["CSV", "XLSX", "Excel", "PDF", "JSON", "API", "REST", "URL", "HTTP", "HTTPS", "ID", "IP", "e-mail", "ROMI", "CPL", "CAC", "VIP"],
    // ISO currency codes, written as codes in both languages
    ...["KZT", "RUB", "USD", "EUR", "UZS", "KGS", "BYN"],
    // the logo's letter
    "V",
  ].map(
    (word) => word.toLowerCase(),
  ),
);

/**
 * What a page quotes verbatim from another system, where a translation would send the reader
 * looking for a word that is not there: CRM event codes and menu names, HTTP headers, scope names,
 * file formats, identifiers of time zones. Per page, so the same word elsewhere still fails.
 */
const quotedOn: Record<string, string[]> = {
  "/settings/tokens": ["Authorization", "Bearer", "Power", "BI"],
  "/admin/sources": ["ONCRM", "OAuth", "crm", "user", "department"],
  "/admin/webhooks": ["ONCRMDEAL", "ONCRMLEAD", "ONCRMCONTACT", "ONCRMCOMPANY", "ONCRMACTIVITY", "Web", "hooks", "webhook", "POST", "X-Voronka-Signature", "sha256", "HMAC-SHA256", "curl", "PHP",
    // A site form's wire format: the test post Tilda sends and the field names a form posts.
    "test", "name", "phone", "email", "tel", "utm_", "form-urlencoded"],
  // the click-id parameters ad platforms add to a link, and the referrer, as attribution rules name them
  "/admin/traffic-teams": ["referrer", "fbclid", "gclid", "yclid"],
  // the import file's header row
  "/admin/ad-spend": ["date", "team", "source", "campaign", "amount", "currency"],
  "/admin/rates": ["ISO"],
  // the budget's month is a UTC calendar month
  "/admin/ai": ["UTC"],
  // the names of the model's measures, as statistics names them (each explained beside it)
  "/admin/models": ["AUC"],
  // the backtest's error measures, as forecasting names them (each explained beside it)
  "/forecast": ["MAPE", "WAPE"],
  // the preview's sample sale, and Telegram's own bot
  "/admin/notifications": ["BotFather", "tripwire_test_1"],
  // IANA zone ids and their GMT offsets, country codes, and English named in English
  "/admin/organisation": ["Asia", "Europe", "Almaty", "Aqtobe", "Moscow", "Tashkent", "Bishkek", "Minsk", "Yekaterinburg", "Novosibirsk", "UTC", "GMT", "English", "KZ", "RU", "UZ", "KG", "BY", "TJ", "AM", "AZ", "GE"],
};

/** API answers whose strings are the organisation's data: names of sources, teams, people, UTM tags … */
const dataEndpoints = [
  "/api/sources",
  "/api/crm-users",
  "/api/users",
  "/api/departments",
  "/api/traffic-teams",
  "/api/attribution-rules",
  "/api/ad-spend",
  "/api/org",
  "/api/tokens",
  "/api/customers",
  "/api/deals",
  "/api/leads",
  "/api/reports/sales-by-month",
  "/api/reports/sales-funnel",
  "/api/reports/manager-activity",
  "/api/reports/leads-by-source",
  "/api/reports/lead-conversion",
  "/api/reports/traffic-teams",
];

/** Keys whose values are codes the interface translates (a status, a kind), never a name shown as is. */
const codeKeys = /^(status|kind|type|role|state|code|changeKind|kpi|locale|currency|provider|health|level|outcome|trigger|mode|unit|granularity)$/i;

const latinWord = /[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z0-9_]+)*/g;

/** Addresses, e-mails, ids and template placeholders are not words of the interface. */
function withoutCodes(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/g, " ")
    .replace(/\S*@\S+/g, " ")
    .replace(/\b[\w-]+\/[\w./-]+\.md\b/g, " ")
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, " ")
    .replace(/\{\w+\}/g, " ");
}

function collectNames(value: unknown, key: string, into: Set<string>) {
  if (typeof value === "string") {
    if (codeKeys.test(key)) return;
    for (const word of withoutCodes(value).match(latinWord) ?? []) into.add(word.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) collectNames(item, key, into);
  } else if (value && typeof value === "object") {
    for (const [childKey, child] of Object.entries(value)) collectNames(child, childKey, into);
  }
}

/** Every text a person sees or hears on the page: its body, the tab title and the labels of controls. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    // Data marked as such (translate="no") is left out: a company's name is not a word to translate.
    // innerText reads layout, so the live body is read with those cells hidden for the moment.
    const hidden: [HTMLElement, string][] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('[translate="no"], code, pre, kbd, samp')) {
      hidden.push([element, element.style.visibility]);
      element.style.visibility = "hidden";
    }
    texts.push(document.body.innerText);
    for (const [element, visibility] of hidden) element.style.visibility = visibility;
    for (const element of document.body.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
      if (element.closest('[translate="no"], code, pre')) continue;
      for (const attribute of ["title", "aria-label", "placeholder", "alt"]) {
        const text = element.getAttribute(attribute);
        if (text) texts.push(text);
      }
    }
    return texts;
  });
}

const dataNames = new Set<string>();

/**
 * A brand or unit term, a data name, or a word the page quotes. Names set side by side without a
 * space (an SVG legend's items read as "ArystanKenesary") are tried one by one.
 */
function isAllowed(word: string, quoted: Set<string>): boolean {
  const known = (part: string) => allowed.has(part.toLowerCase()) || dataNames.has(part.toLowerCase()) || quoted.has(part.toLowerCase());
  if (known(word)) return true;
  const parts = word.split(/(?<=[a-z0-9])(?=[A-Z])/);
  return parts.length > 1 && parts.every(known);
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, loginOf.admin);
  for (const endpoint of dataEndpoints) collectNames(await apiJson<unknown>(page, endpoint), "", dataNames);
  await context.close();
});

for (const role of Object.keys(pagesByRole) as WalkRole[]) {
  test(`${role}: every page speaks Russian`, async ({ page }) => {
    test.setTimeout(240_000);
    await signInAndWait(page, loginOf[role]);
    const offending: string[] = [];
    for (const path of pagesByRole[role]) {
      await page.goto(path);
      await waitForPageData(page);
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe("ru");
      const words = new Set<string>();
      const quoted = new Set((quotedOn[path] ?? []).map((word) => word.toLowerCase()));
      for (const text of await visibleTexts(page)) {
        for (const word of withoutCodes(text).match(latinWord) ?? []) {
          if (!isAllowed(word, quoted)) words.add(word);
        }
      }
      if (words.size > 0) offending.push(`${path}: ${[...words].join(", ")}`);
    }
    if (offending.length > 0) console.log(`${role}, Latin words:\n${offending.join("\n")}`);
    expect(offending, "Latin words on Russian pages").toEqual([]);
  });
}

test("chart tooltips name the series in Russian, with no space before the colon", async ({ page }) => {
  await signInAndWait(page, loginOf.admin);
  const t = dashboardMessages.ru;
  /** Hovers the chart at a point given as fractions of its size from the centre (a donut's hole shows nothing). */
  const tooltipOf = async (chart: string, fromCentre = { x: 0, y: 0 }) => {
    const surface = page.getByTestId(chart).locator(".recharts-wrapper");
    await surface.scrollIntoViewIfNeeded();
    const box = await surface.boundingBox();
    if (!box) throw new Error(`${chart} is not on the page`);
    // Two moves: Recharts picks the point under the pointer on a move inside the chart.
    const x = box.x + box.width * (0.5 + fromCentre.x);
    const y = box.y + box.height * (0.5 + fromCentre.y);
    await page.mouse.move(x - 4, y);
    await page.mouse.move(x, y);
    const tooltip = page.getByTestId(chart).locator(".recharts-tooltip-wrapper");
    await expect(tooltip).toContainText(":");
    return (await tooltip.innerText()).replace(/\s+/g, " ");
  };
  await page.goto("/?preset=last-12-months");
  await waitForPageData(page);
  const sparkline = await tooltipOf("revenue-sparkline");
  expect(sparkline).toMatch(new RegExp(`${t.overview.kpis.revenue}: [\\d\\s\\u202f\\u00a0]+ ₸`));
  expect(sparkline).not.toContain(" :");
  expect(sparkline).not.toMatch(/revenue/);

  await page.goto("/leads?preset=last-12-months");
  await waitForPageData(page);
  // The donut's slice names itself: the biggest source's name, then its leads.
  const report = await apiJson<{ rows: { sourceName: string | null; leads: number }[] }>(page, "/api/reports/leads-by-source?preset=last-12-months");
  const slices = report.rows.map((row) => row.sourceName ?? t.leads.notSet);
  // the top of the ring (radii 55–90 % of half the height): the first slice starts there
  const donut = await tooltipOf("source-pie", { x: 0.01, y: -0.36 });
  expect(slices.some((name) => donut.startsWith(`${name}: `)), donut).toBe(true);
  expect(donut).not.toContain(" :");
});
