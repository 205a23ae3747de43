// The frame of every chart: a figure named for screen readers, and legend text in the body-text colour.
// Recharts writes each legend entry in its series' colour, and the pale ones (#94a3b8, #93c5fd, a traffic
// team's own colour) fall to 1.8–2.6:1 on white; the swatch beside the text still carries the colour.
import type { ReactNode } from "react";

/** name: what the chart shows ("Won amount by month"), read by screen readers before its contents. */
export function ChartFigure({ name, testId, height, children }: { name: string; testId: string; height?: number; children: ReactNode }) {
  return (
    <figure aria-label={name} data-testid={testId} style={height === undefined ? undefined : { height }}>
      {children}
    </figure>
  );
}

/** Props of every Recharts `<Legend>`: small text in slate-600 (7.6:1 on white) whatever the series' colour. */
export const legendProps = {
  wrapperStyle: { fontSize: 12 },
  formatter: (value: ReactNode) => <span className="text-slate-600">{value}</span>,
};
