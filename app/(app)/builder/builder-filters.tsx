"use client";
// The built report's filters: the dashboards' own choices (components/dashboard/filter-selects.tsx),
// each only where the viewer's role may use it, kept in the builder's state and so in its address.
import { useId } from "react";
import { FilterSelects } from "@/components/dashboard/filter-selects";
import type { Role } from "@/lib/auth/permissions";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { FAMILY_DIMENSIONS, MEASURE_FAMILY } from "@/lib/reports/builder/catalogue";
import type { FilterOptions } from "@/lib/reports/filter-options";
import { filtersWith, type BuilderState } from "./builder-url";

type Props = { state: BuilderState; onChange: (next: BuilderState) => void; options: FilterOptions; role: Role; t: DashboardMessages["filters"] };

export function BuilderFilters({ state, onChange, options, role, t }: Props) {
  const id = useId();
  // Leads and activities have no pipeline (the API ignores the filter for them); a chosen one stays visible.
  const showPipeline = Boolean(state.filters.pipelineId) || state.measures.some((m) => FAMILY_DIMENSIONS[MEASURE_FAMILY[m]].includes("pipeline"));
  return (
    <fieldset className="mt-4 min-w-0 border-t border-slate-100 pt-4" aria-labelledby={`${id}-label`} data-testid="builder-filters">
      <p id={`${id}-label`} className="mb-2 text-xs font-medium text-slate-600">
        {t.label}
      </p>
      <FilterSelects
        id={id}
        options={options}
        role={role}
        t={t}
        values={state.filters}
        showPipeline={showPipeline}
        onChange={(changes) => onChange({ ...state, filters: filtersWith(state.filters, changes) })}
        onReset={Object.keys(state.filters).length ? () => onChange({ ...state, filters: {} }) : null}
      />
    </fieldset>
  );
}
