"use client";
// The filters of a dashboard: period presets, from/to dates, pipeline, department (admins),
// manager (admins and directors) and source. They live in the URL, so a view can be shared as a link,
// and saved under a name («Сохранить вид», components/saved-views).
// On a phone (below `md`) they fold into one row, the period and a "Filters" button, whose sheet
// holds them all.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { SaveViewButton } from "@/components/saved-views/save-view-button";
import { Field } from "@/components/ui/field";
import { useDismiss } from "@/components/ui/use-dismiss";
import type { Role } from "@/lib/auth/permissions";
import { formatDateRange, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { FilterOptions } from "@/lib/reports/filter-options";
import type { PeriodPreset } from "@/lib/reports/filters";
import { DateInput } from "./date-input";
import { FilterSelects } from "./filter-selects";
import { DROPPED_PARAM } from "@/lib/saved-views/dropped-filters";
import { filterKeys, periodPresetOrder, rowFilterKeys, type FilterKey } from "@/lib/reports/report-query";

/** The period the report resolved to, as inclusive dates (shown in the date inputs under a preset). */
export type PeriodDates = { from: string; to: string };

type Props = {
  options: FilterOptions;
  role: Role;
  locale: Locale;
  t: DashboardMessages["filters"];
  period?: PeriodDates | null;
  /** False where the reports ignore pipelines (leads have none). */
  showPipeline?: boolean;
};

export function FilterBar({ options, role, locale, t, period, showPipeline = true }: Props) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const id = useId();
  // What is being typed into a date input: Chromium reports every keystroke of the year as a date
  // ("0002-…", "0020-…"), so only a plausible year reaches the URL.
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const [isSheetOpen, setIsSheetOpen] = useState(false);
  const sheet = useRef<HTMLDivElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const closeSheet = useCallback(() => setIsSheetOpen(false), []);
  useDismiss(sheet, isSheetOpen, closeSheet);
  useEffect(() => {
    if (isSheetOpen) sheet.current?.querySelector<HTMLElement>("button")?.focus();
  }, [isSheetOpen]);

  // Native history integrates with the Next router (useSearchParams follows it) without asking the
  // server to render the page again: the client island refetches only the report's JSON.
  const update = (changes: Partial<Record<FilterKey, string | null>>) => {
    const next = new URLSearchParams(searchParams.toString());
    // The note about a saved view's dropped filters describes the view as opened, not what follows.
    next.delete(DROPPED_PARAM);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };

  const from = searchParams.get("from") ?? "";
  const to = searchParams.get("to") ?? "";
  const hasDates = Boolean(from || to);
  // With no period in the URL the reports show the last 12 months.
  const activePreset: PeriodPreset | null = hasDates ? null : ((searchParams.get("preset") as PeriodPreset | null) ?? "last-12-months");
  const hasFilters = filterKeys.some((key) => searchParams.has(key));
  const shownFrom = from || period?.from || "";
  const shownTo = to || period?.to || "";
  const chosenCount = rowFilterKeys.filter((key) => searchParams.has(key)).length;
  const periodText = activePreset ? t.presets[activePreset] : shownFrom && shownTo ? dateRangeText(shownFrom, shownTo, locale) : t.period;

  const setDate = (which: "from" | "to", value: string) => {
    setDraft((current) => ({ ...current, [which]: value }));
    if (!/^(19|2\d)\d\d-\d\d-\d\d$/.test(value)) return;
    let [nextFrom, nextTo] = which === "from" ? [value, shownTo] : [shownFrom, value];
    // Keep the range valid: moving one end past the other moves both.
    if (nextFrom && nextTo && nextFrom > nextTo) [nextFrom, nextTo] = [value, value];
    update({ from: nextFrom || null, to: nextTo || null, preset: null });
  };

  return (
    <div>
      <div className="flex items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white py-2 pl-4 pr-2 shadow-sm md:hidden" data-testid="filter-row">
        <span className="min-w-0 truncate text-sm font-medium text-slate-700" data-testid="filter-summary">
          {periodText}
        </span>
        <button
          ref={openButton}
          type="button"
          aria-haspopup="dialog"
          aria-expanded={isSheetOpen}
          aria-controls={`${id}-sheet`}
          onClick={() => setIsSheetOpen(true)}
          className="inline-flex shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {t.label}
          {chosenCount ? <span className="rounded-full bg-brand-600 px-1.5 text-xs text-white">{chosenCount}</span> : null}
        </button>
      </div>
      {isSheetOpen ? <div className="fixed inset-0 z-30 bg-slate-900/40 md:hidden" aria-hidden /> : null}
      <div
        ref={sheet}
        id={`${id}-sheet`}
        role={isSheetOpen ? "dialog" : "group"}
        aria-modal={isSheetOpen || undefined}
        aria-label={t.label}
        className={`space-y-3 bg-white p-4 md:static md:block md:max-h-none md:overflow-visible md:rounded-xl md:border md:border-slate-200 md:shadow-sm ${
          isSheetOpen ? "fixed inset-x-0 bottom-0 z-40 max-h-[85vh] overflow-y-auto rounded-t-2xl shadow-xl" : "hidden"
        }`}
      >
      <div className="flex items-center justify-between md:hidden">
        <span className="font-semibold">{t.label}</span>
        <button
          type="button"
          onClick={() => {
            closeSheet();
            openButton.current?.focus();
          }}
          className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t.done}
        </button>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <span className="block text-sm font-medium text-slate-700">{t.period}</span>
          <div className="flex flex-wrap gap-1" role="group" aria-label={t.period}>
            {periodPresetOrder.map((preset) => (
              <button
                key={preset}
                type="button"
                aria-pressed={activePreset === preset}
                onClick={() => {
                  setDraft({});
                  update({ preset: preset === "last-12-months" ? null : preset, from: null, to: null });
                }}
                className={`rounded-lg px-3 py-2 text-sm font-medium transition ${
                  activePreset === preset ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
                }`}
              >
                {t.presets[preset]}
              </button>
            ))}
          </div>
        </div>
        <div className="w-[calc(50%-0.375rem)] md:w-44">
          <Field label={t.from} htmlFor={`${id}-from`}>
            <DateInput id={`${id}-from`} locale={locale} labels={t.calendar} value={draft.from ?? shownFrom} max={shownTo || undefined} onChange={(value) => setDate("from", value)} onBlur={() => setDraft({})} />
          </Field>
        </div>
        <div className="w-[calc(50%-0.375rem)] md:w-44">
          <Field label={t.to} htmlFor={`${id}-to`}>
            <DateInput alignEnd id={`${id}-to`} locale={locale} labels={t.calendar} value={draft.to ?? shownTo} min={shownFrom || undefined} onChange={(value) => setDate("to", value)} onBlur={() => setDraft({})} />
          </Field>
        </div>
      </div>
      <FilterSelects
        id={id}
        options={options}
        role={role}
        t={t}
        values={Object.fromEntries(rowFilterKeys.map((key) => [key, searchParams.get(key)]))}
        onChange={update}
        showPipeline={showPipeline}
        onReset={
          hasFilters
            ? () => {
                setDraft({});
                update(Object.fromEntries(filterKeys.map((key) => [key, null])));
              }
            : null
        }
      />
      <SaveViewButton role={role} locale={locale} departments={options.departments} />
      </div>
    </div>
  );
}

/** "1 янв – 6 дек 2025" for inclusive "YYYY-MM-DD" dates. */
function dateRangeText(from: string, to: string, locale: Locale): string {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return formatDateRange({ from: new Date(`${from}T00:00:00Z`), to: end }, "UTC", locale);
}
