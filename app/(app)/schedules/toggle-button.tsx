"use client";
// Turns a schedule off (it keeps its recipients and history) or on again (its next run is recomputed).
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";

export function ToggleScheduleButton({ id, isEnabled, label, locale }: { id: string; isEnabled: boolean; label: string; locale: Locale }) {
  const form = useApiForm({ send: () => callApi(`/api/report-schedules/${id}`, { method: "PATCH", body: { isEnabled: !isEnabled } }), locale });
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="ghost" disabled={form.isPending} onClick={() => form.run()}>
        {label}
      </Button>
      {form.outcome.message ? (
        <span role="alert" className="text-xs text-red-700">
          {form.outcome.message}
        </span>
      ) : null}
    </span>
  );
}
