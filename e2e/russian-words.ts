// Russian everywhere: no word of Latin letters may show up on a Russian page but the names of the
// organisation's own data (read from its API, or marked translate="no" on the page) and the brand and
// unit terms below. The page walk (e2e/accessibility.spec.ts, which visits every page of every role
// once) asks `latinWordsOn` of each page and prints the offending words with their page, so a
// failure says what to translate.
import type { Browser, Page } from "@playwright/test";
import { apiJson, signInAndWait } from "./fixtures";
import { loginOf } from "./page-walk";

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

/**
 * A brand or unit term, a data name, or a word the page quotes. Names set side by side without a
 * space (an SVG legend's items read as "ArystanKenesary") are tried one by one.
 */
function isAllowed(word: string, quoted: Set<string>, dataNames: Set<string>): boolean {
  const known = (part: string) => allowed.has(part.toLowerCase()) || dataNames.has(part.toLowerCase()) || quoted.has(part.toLowerCase());
  if (known(word)) return true;
  const parts = word.split(/(?<=[a-z0-9])(?=[A-Z])/);
  return parts.length > 1 && parts.every(known);
}

/** The names in the organisation's data, read through the admin's eyes (the widest scope) in a context of its own. */
export async function organisationDataNames(browser: Browser): Promise<Set<string>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, loginOf.admin);
  const names = new Set<string>();
  for (const endpoint of dataEndpoints) collectNames(await apiJson<unknown>(page, endpoint), "", names);
  await context.close();
  return names;
}

/** The Latin words on the open page (at `path`) that are neither allowed terms, data names nor quoted there. */
export async function latinWordsOn(page: Page, path: string, dataNames: Set<string>): Promise<string[]> {
  const words = new Set<string>();
  const quoted = new Set((quotedOn[path] ?? []).map((word) => word.toLowerCase()));
  for (const text of await visibleTexts(page)) {
    for (const word of withoutCodes(text).match(latinWord) ?? []) {
      if (!isAllowed(word, quoted, dataNames)) words.add(word);
    }
  }
  return [...words];
}
