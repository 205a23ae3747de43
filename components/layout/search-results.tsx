"use client";
// The search box's dropdown: the hits grouped by kind, the active one marked for the keyboard, each
// with the facts that tell it from its namesakes. A hit without a page of its own is shown, not offered.
import { formatPhone } from "@/lib/contact-details";
import { formatMoney, type Locale } from "@/lib/format";
import type { SearchMessages } from "@/lib/i18n/search-messages";
import type { SearchHit, SearchKind } from "@/lib/search/search";

export type SearchOption = { kind: SearchKind; hit: SearchHit; index: number | null };

type Props = {
  id: string;
  groups: { kind: SearchKind; options: SearchOption[] }[];
  activeIndex: number;
  t: SearchMessages;
  locale: Locale;
  onPick: (hit: SearchHit) => void;
  onHover: (index: number) => void;
};

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

export function SearchResults({ id, groups, activeIndex, t, locale, onPick, onHover }: Props) {
  return (
    <ul id={id} role="listbox" aria-label={t.label} className="max-h-[70vh] overflow-y-auto py-1">
      {groups.map(({ kind, options }) => (
        <li key={kind} role="presentation">
          <p id={`${id}-${kind}`} className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-slate-400">
            {t.kinds[kind]}
          </p>
          <ul role="group" aria-labelledby={`${id}-${kind}`}>
            {options.map(({ hit, index }) => (
              <li
                key={hit.id}
                id={index === null ? undefined : optionId(id, index)}
                role="option"
                aria-selected={index !== null && index === activeIndex}
                aria-disabled={index === null || undefined}
                data-testid="search-hit"
                onMouseDown={(event) => event.preventDefault()} // keeps the focus in the box
                onClick={() => index !== null && onPick(hit)}
                onMouseEnter={() => index !== null && onHover(index)}
                className={`px-3 py-2 text-sm ${index === null ? "text-slate-500" : "cursor-pointer"} ${index !== null && index === activeIndex ? "bg-brand-50" : ""}`}
              >
                <span className="block truncate font-medium text-slate-800">{hit.title}</span>
                <span className="block truncate text-xs text-slate-500">{details(kind, hit, t, locale).join(" · ")}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function details(kind: SearchKind, hit: SearchHit, t: SearchMessages, locale: Locale): string[] {
  const parts: (string | null | undefined)[] =
    kind === "deals"
      ? [hit.stage, hit.amount && hit.currency ? formatMoney(hit.amount, hit.currency, locale) : null, hit.manager]
      : kind === "leads"
        ? [hit.status ? t.leadStatus[hit.status as keyof SearchMessages["leadStatus"]] : null, hit.manager]
        : [hit.phone ? formatPhone(hit.phone) : null, hit.email, hit.company];
  if (!hit.href && kind !== "customers") parts.push(t.noPage);
  return parts.filter((part): part is string => Boolean(part));
}
