"use client";
// The filters of a dashboard: period presets, from/to dates, pipeline, department (admins),
// manager (admins and directors) and source. They live in the URL, so a view can be shared as a link.
import { usePathname, useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { Field, Select } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { FilterOption, FilterOptions } from "@/lib/reports/filter-options";
import type { PeriodPreset } from "@/lib/reports/filters";
import { DateInput } from "./date-input";
import { filterKeys, periodPresetOrder, type FilterKey } from "./report-query";

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

  // Native history integrates with the Next router (useSearchParams follows it) without asking the
  // server to render the page again: the client island refetches only the report's JSON.
  const update = (changes: Partial<Record<FilterKey, string | null>>) => {
    const next = new URLSearchParams(searchParams.toString());
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

  const setDate = (which: "from" | "to", value: string) => {
    setDraft((current) => ({ ...current, [which]: value }));
    if (!/^(19|2\d)\d\d-\d\d-\d\d$/.test(value)) return;
    let [nextFrom, nextTo] = which === "from" ? [value, shownTo] : [shownFrom, value];
    // Keep the range valid: moving one end past the other moves both.
    if (nextFrom && nextTo && nextFrom > nextTo) [nextFrom, nextTo] = [value, value];
    update({ from: nextFrom || null, to: nextTo || null, preset: null });
  };

  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" role="group" aria-label={t.label}>
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
        <div className="w-44">
          <Field label={t.from} htmlFor={`${id}-from`}>
            <DateInput id={`${id}-from`} locale={locale} labels={t.calendar} value={draft.from ?? shownFrom} max={shownTo || undefined} onChange={(value) => setDate("from", value)} onBlur={() => setDraft({})} />
          </Field>
        </div>
        <div className="w-44">
          <Field label={t.to} htmlFor={`${id}-to`}>
            <DateInput id={`${id}-to`} locale={locale} labels={t.calendar} value={draft.to ?? shownTo} min={shownFrom || undefined} onChange={(value) => setDate("to", value)} onBlur={() => setDraft({})} />
          </Field>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-3 [&>*]:min-w-48 [&>*]:flex-1">
        {showPipeline ? (
          <OptionSelect id={`${id}-pipeline`} label={t.pipeline} all={t.all} options={options.pipelines} value={searchParams.get("pipelineId")} onChange={(v) => update({ pipelineId: v })} />
        ) : null}
        {role === "admin" ? (
          <OptionSelect id={`${id}-department`} label={t.department} all={t.all} options={options.departments} value={searchParams.get("departmentId")} onChange={(v) => update({ departmentId: v })} />
        ) : null}
        {role !== "manager" ? (
          <OptionSelect id={`${id}-manager`} label={t.manager} all={t.all} options={options.managers} value={searchParams.get("managerId")} onChange={(v) => update({ managerId: v })} />
        ) : null}
        <OptionSelect id={`${id}-source`} label={t.source} all={t.all} options={options.sources} value={searchParams.get("sourceId")} onChange={(v) => update({ sourceId: v })} />
        {hasFilters ? (
          <button
            type="button"
            className="!min-w-0 !flex-none px-2 py-2 text-sm text-slate-500 hover:text-slate-800"
            onClick={() => {
              setDraft({});
              update(Object.fromEntries(filterKeys.map((key) => [key, null])));
            }}
          >
            {t.reset}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function OptionSelect(props: { id: string; label: string; all: string; options: FilterOption[]; value: string | null; onChange: (value: string | null) => void }) {
  const { id, label, all, options, value, onChange } = props;
  return (
    <Field label={label} htmlFor={id}>
      <Select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
