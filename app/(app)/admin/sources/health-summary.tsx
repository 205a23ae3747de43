"use client";
// A source's traffic light: red, amber or green, what went wrong and what to do next.
import type { Locale } from "@/lib/format";
import { describeHealth } from "@/lib/i18n/source-health-messages";
import type { SourceHealth } from "@/lib/sources/source-health";

const LIGHTS = {
  ok: { dot: "bg-emerald-500", text: "text-emerald-800", box: "" },
  attention: { dot: "bg-amber-500", text: "text-amber-900", box: "border-amber-200 bg-amber-50" },
  broken: { dot: "bg-red-600", text: "text-red-800", box: "border-red-200 bg-red-50" },
} as const;

export function HealthSummary({ health, locale }: { health: SourceHealth; locale: Locale }) {
  const words = describeHealth(health, locale, new Date());
  const light = LIGHTS[health.level];
  return (
    <div className={`mt-3 text-sm ${words.problem ? `rounded-lg border px-3 py-2 ${light.box}` : ""}`} data-testid="source-health" data-level={health.level}>
      <p className={`flex items-center gap-2 font-medium ${light.text}`}>
        <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${light.dot}`} />
        {words.level}
      </p>
      {words.problem ? <p className="mt-1 text-slate-700">{words.problem}</p> : null}
      {words.next ? <p className="mt-1 text-slate-600">{words.next}</p> : null}
    </div>
  );
}
