"use client";
// The dashboards' filter choices — pipeline, department (admins), manager (admins and directors) and
// source — each offered only where the viewer's role may use it, with «Сбросить» when any is set.
// The dashboards' filter bar keeps them in the URL; the report builder keeps them in its state.
import { Field, Select } from "@/components/ui/field";
import type { Role } from "@/lib/auth/permissions";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { FilterOption, FilterOptions } from "@/lib/reports/filter-options";
import type { RowFilterKey } from "@/lib/reports/report-query";

export type FilterSelectValues = Partial<Record<RowFilterKey, string | null>>;

type Props = {
  /** Prefix of the controls' ids (useId of the parent). */
  id: string;
  options: FilterOptions;
  role: Role;
  t: DashboardMessages["filters"];
  values: FilterSelectValues;
  onChange: (changes: FilterSelectValues) => void;
  /** Shown as «Сбросить» when given (the parent knows what a reset clears). */
  onReset?: (() => void) | null;
  /** False where the reports ignore pipelines (leads have none). */
  showPipeline?: boolean;
};

export function FilterSelects({ id, options, role, t, values, onChange, onReset, showPipeline = true }: Props) {
  return (
    <div className="flex flex-wrap items-end gap-3 [&>*]:min-w-48 [&>*]:flex-1">
      {showPipeline ? <OptionSelect id={`${id}-pipeline`} label={t.pipeline} all={t.all} options={options.pipelines} value={values.pipelineId} onChange={(v) => onChange({ pipelineId: v })} /> : null}
      {role === "admin" ? (
        <OptionSelect id={`${id}-department`} label={t.department} all={t.all} options={options.departments} value={values.departmentId} onChange={(v) => onChange({ departmentId: v })} />
      ) : null}
      {role !== "manager" ? (
        <OptionSelect id={`${id}-manager`} label={t.manager} all={t.all} options={options.managers} value={values.managerId} onChange={(v) => onChange({ managerId: v })} />
      ) : null}
      <OptionSelect id={`${id}-source`} label={t.source} all={t.all} options={options.sources} value={values.sourceId} onChange={(v) => onChange({ sourceId: v })} />
      {onReset ? (
        <button type="button" className="!min-w-0 !flex-none px-2 py-2 text-sm text-slate-500 hover:text-slate-800" onClick={onReset}>
          {t.reset}
        </button>
      ) : null}
    </div>
  );
}

function OptionSelect(props: { id: string; label: string; all: string; options: FilterOption[]; value: string | null | undefined; onChange: (value: string | null) => void }) {
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
