"use client";
// The header's search (docs/search.md): a combobox over GET /api/search. ↑/↓ choose a hit, Enter
// opens it, Escape or a press outside closes the dropdown; it shows "searching", "nothing found" and
// a failure in words. On a phone it spans the header's width.
import { useRouter } from "next/navigation";
import { useCallback, useId, useMemo, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import type { Locale } from "@/lib/format";
import { describeError } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import { searchMessages } from "@/lib/i18n/search-messages";
import type { SearchHit } from "@/lib/search/search";
import { SEARCH_MAX_LENGTH } from "@/lib/search/limits";
import { optionId, SearchResults, type SearchOption } from "./search-results";
import { useSearch } from "./use-search";

export function SearchBox({ locale }: { locale: Locale }) {
  const t = searchMessages[locale];
  const router = useRouter();
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [text, setText] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const { data, error, isLoading, isTooLong } = useSearch(text);
  const close = useCallback(() => setIsOpen(false), []);
  useDismiss(root, isOpen, close);

  // Numbered in the order shown; hits without a page get no number and are skipped by the keys.
  const { groups, options } = useMemo(() => {
    const offered: SearchOption[] = [];
    const shown = (data?.groups ?? []).map((group) => ({
      kind: group.kind,
      options: group.hits.map((hit) => {
        const option: SearchOption = { kind: group.kind, hit, index: hit.href ? offered.length : null };
        if (hit.href) offered.push(option);
        return option;
      }),
    }));
    return { groups: shown, options: offered };
  }, [data]);

  const open = (hit: SearchHit) => {
    if (!hit.href) return;
    setIsOpen(false);
    setText("");
    router.push(hit.href);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setIsOpen(true);
      if (options.length) setActiveIndex((index) => (index + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (event.key === "Enter" && isOpen && options[activeIndex]) {
      event.preventDefault();
      open(options[activeIndex].hit);
    }
  };

  const query = text.trim();
  const status = isTooLong
    ? fill(t.tooLong, { max: SEARCH_MAX_LENGTH })
    : isLoading
      ? t.loading
      : error
        ? fill(t.failed, { reason: describeError(error, locale) })
        : data && groups.length === 0
          ? fill(t.empty, { query })
          : null;
  const isShown = isOpen && query.length > 0;
  // aria-controls names only a list that is there (axe: aria-valid-attr-value).
  const hasList = isShown && !isLoading && groups.length > 0;

  return (
    <div ref={root} className="relative w-full md:max-w-md" data-testid="search">
      <input
        type="search"
        role="combobox"
        aria-label={t.label}
        aria-expanded={isShown}
        aria-controls={hasList ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={isShown && options[activeIndex] ? optionId(listId, activeIndex) : undefined}
        placeholder={t.placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActiveIndex(0);
          setIsOpen(true);
        }}
        onFocus={() => setIsOpen(true)}
        onKeyDown={onKeyDown}
        className="w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500"
      />
      {isShown ? (
        <div className="absolute inset-x-0 top-full z-30 mt-1 rounded-lg border border-slate-200 bg-white shadow-lg">
          {status ? (
            <p role="status" className="px-3 py-3 text-sm text-slate-500" data-testid="search-status">
              {status}
            </p>
          ) : null}
          {hasList ? (
            <>
              <SearchResults id={listId} groups={groups} activeIndex={activeIndex} t={t} locale={locale} onPick={open} onHover={setActiveIndex} />
              <p className="hidden border-t border-slate-100 px-3 py-1.5 text-xs text-slate-400 md:block">{t.hint}</p>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
