// Reading one ad-spend value as people type it: "1 234,50" and "1234.5" are the same amount,
// "2026-03-01" and "01.03.2026" the same day. Each reader returns null when it cannot read the text.

/** An amount with at most 2 decimals and no sign, as the exact decimal string the database stores. */
export function readAmount(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, "");
  if (!/^\d{1,16}([.,]\d{1,2})?$/.test(compact)) return null;
  return compact.replace(",", ".");
}

/** YYYY-MM-DD or DD.MM.YYYY, a real calendar day, as YYYY-MM-DD. */
export function readDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : [];
  if (!year) return null;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return null;
  return `${year}-${month}-${day}`;
}

/** An ISO 4217-looking code, upper-cased; ₸ ₽ $ are accepted for the three currencies people write that way. */
export function readCurrency(text: string): string | null {
  const value = text.trim();
  const symbol: Record<string, string> = { "₸": "KZT", "₽": "RUB", $: "USD" };
  if (symbol[value]) return symbol[value];
  return /^[a-zA-Z]{3}$/.test(value) ? value.toUpperCase() : null;
}
