"use client";
// The legend under a chart: each series' colour and its translated name. Recharts' own legend labels
// every swatch "<name> legend icon" in English for screen readers; these swatches are decoration
// (aria-hidden) beside the name, which is the text. A dashed series gets a dashed swatch.
import type { LegendPayload } from "recharts";

export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-2 text-xs text-slate-600">
      {payload?.map((entry) => {
        const dash = (entry.payload as { strokeDasharray?: string } | undefined)?.strokeDasharray;
        return (
          <li key={String(entry.dataKey ?? entry.value)} className="flex items-center gap-1.5">
            <svg width="14" height="10" aria-hidden focusable="false">
              {entry.type === "line" ? (
                <line x1="0" y1="5" x2="14" y2="5" stroke={entry.color} strokeWidth="2" strokeDasharray={dash} />
              ) : (
                <rect width="10" height="10" x="2" rx="2" fill={entry.color} />
              )}
            </svg>
            {entry.value}
          </li>
        );
      })}
    </ul>
  );
}
