import { setLocaleAction } from "@/app/actions/locale";
import type { Locale } from "@/lib/format";

const labels: Record<Locale, string> = { ru: "RU", en: "EN" };

export function LocaleSwitch({ current }: { current: Locale }) {
  return (
    // Both languages on purpose, and not for translation: whoever cannot read the current one finds the switch.
    <form action={setLocaleAction} className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-xs" aria-label="Language / Язык" translate="no">
      {(Object.keys(labels) as Locale[]).map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          aria-pressed={locale === current}
          className={`rounded-md px-2.5 py-1 font-medium ${locale === current ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {labels[locale]}
        </button>
      ))}
    </form>
  );
}
