// The frame of every chart: a figure named for screen readers. Legends are ChartLegend (chart-legend.tsx),
// whose text is in the body-text colour: Recharts writes each entry in its series' colour, and the pale ones
// (#94a3b8, #93c5fd, a traffic team's own colour) fall to 1.8–2.6:1 on white; the swatch still carries it.
import type { ReactNode } from "react";

/** name: what the chart shows ("Won amount by month"), read by screen readers before its contents. */
export function ChartFigure({ name, testId, height, children }: { name: string; testId: string; height?: number; children: ReactNode }) {
  return (
    <figure aria-label={name} data-testid={testId} style={height === undefined ? undefined : { height }}>
      {children}
    </figure>
  );
}
