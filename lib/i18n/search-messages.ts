// Texts of the header search box and its results (docs/search.md). Client-safe.
import type { Locale } from "@/lib/format";

const ru = {
  label: "Поиск",
  placeholder: "Сделки, лиды, контакты, телефоны, e-mail…",
  loading: "Ищем…",
  empty: "По запросу «{query}» ничего не найдено",
  tooLong: "Слишком длинный запрос: не больше {max} символов",
  failed: "Поиск не удался: {reason}",
  hint: "↑ ↓ — выбрать, Enter — открыть, Esc — закрыть",
  noPage: "нет сделки в вашем доступе",
  kinds: { deals: "Сделки", leads: "Лиды", contacts: "Контакты", companies: "Компании", customers: "Клиенты" },
  leadStatus: { open: "в работе", converted: "сконвертирован", junk: "некачественный" },
  dealStatus: { open: "открыта", won: "выиграна", lost: "проиграна" },
};

export type SearchMessages = typeof ru;

const en: SearchMessages = {
  label: "Search",
  placeholder: "Deals, leads, contacts, phones, e-mails…",
  loading: "Searching…",
  empty: "Nothing found for “{query}”",
  tooLong: "The query is too long: {max} characters at most",
  failed: "The search failed: {reason}",
  hint: "↑ ↓ to choose, Enter to open, Esc to close",
  noPage: "no deal you may open",
  kinds: { deals: "Deals", leads: "Leads", contacts: "Contacts", companies: "Companies", customers: "Customers" },
  leadStatus: { open: "open", converted: "converted", junk: "junk" },
  dealStatus: { open: "open", won: "won", lost: "lost" },
};

export const searchMessages: Record<"ru" | "en", SearchMessages> = { ru, en } satisfies Record<Locale, SearchMessages>;
