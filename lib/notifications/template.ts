// The sale message: its placeholders, the default template per language and the rendering. Pure,
// so the admin page's live preview renders exactly what the worker sends.
import { formatMoney, type Locale } from "@/lib/format";

export const PLACEHOLDERS = ["team", "client", "amount", "product", "campaign", "manager", "deal"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const DEFAULT_TEMPLATES: Record<Locale, string> = {
  ru: "🎉 Новая продажа!\nТаргетолог: {team}\nКлиент: {client}\nСумма: {amount}\nПродукт: {product}\nКампания: {campaign}",
  en: "🎉 New sale!\nTraffic team: {team}\nClient: {client}\nAmount: {amount}\nProduct: {product}\nCampaign: {campaign}",
};

/** Telegram refuses longer messages. */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TEMPLATE_MAX_LENGTH = 2000;
/** Shown for a value the deal does not have (no team, no campaign …). */
export const MISSING = "—";

/** What a won deal contributes to its message. */
export type SaleFacts = {
  title: string;
  amount: string;
  currency: string;
  teamName: string | null;
  contactName: string | null;
  companyName: string | null;
  pipelineName: string | null;
  utmCampaign: string | null;
  managerName: string | null;
};

/** The deal the admin page previews the template on. */
export const SAMPLE_SALE: SaleFacts = {
  title: "Заказ #1042",
  amount: "5000",
  currency: "KZT",
  teamName: "Kenesary",
  contactName: "Иван Иванов",
  companyName: null,
  pipelineName: "Express Course",
  utmCampaign: "tripwire_test_1",
  managerName: "Айгерим Садыкова",
};

/** "5 000 ₸"; cents only when there are any ("1 500,50 ₽"). */
export function formatSaleAmount(amount: string, currency: string, locale: Locale): string {
  const whole = Number(amount) % 1 === 0;
  try {
    return formatMoney(amount, currency, locale, whole ? 0 : 2);
  } catch {
    return `${amount} ${currency}`; // a code Intl does not know
  }
}

export function placeholderValues(facts: SaleFacts, locale: Locale): Record<Placeholder, string> {
  const text = (value: string | null) => (value?.trim() ? value.trim() : MISSING);
  return {
    team: text(facts.teamName),
    client: text(facts.contactName?.trim() ? facts.contactName : facts.companyName),
    amount: formatSaleAmount(facts.amount, facts.currency, locale),
    product: text(facts.pipelineName?.trim() ? facts.pipelineName : facts.title),
    campaign: text(facts.utmCampaign),
    manager: text(facts.managerName),
    deal: text(facts.title),
  };
}

/** The template (or the default one of `locale`) filled in; unknown `{words}` stay as they are. */
export function renderSaleMessage(template: string | null, facts: SaleFacts, locale: Locale): string {
  const values = placeholderValues(facts, locale);
  const text = (template?.trim() ? template : DEFAULT_TEMPLATES[locale]).replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key as Placeholder] : whole,
  );
  return text.length > TELEGRAM_TEXT_LIMIT ? `${text.slice(0, TELEGRAM_TEXT_LIMIT - 1)}…` : text;
}

/** `{words}` in a template that are not placeholders, so a typo is refused when saving. */
export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  return [...new Set(found.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}
