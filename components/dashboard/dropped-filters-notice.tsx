// Says that a saved view was opened without some of its filters: they named people or a department
// outside the viewer's scope, so the figures below are the viewer's own.
import { Alert } from "@/components/ui/alert";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { fill } from "@/lib/i18n/fill";
import type { ScopedFilter } from "@/lib/saved-views/dropped-filters";

export function DroppedFiltersNotice({ dropped, t }: { dropped: ScopedFilter[]; t: DashboardMessages }) {
  const names = dropped.map((key) => (key === "managerId" ? t.filters.manager : t.filters.department));
  return (
    <div data-testid="dropped-filters">
      <Alert>{fill(t.droppedFilters, { filters: names.join("», «") })}</Alert>
    </div>
  );
}
