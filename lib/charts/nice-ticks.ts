// The ticks of a value axis, shared by the dashboard's charts (Recharts) and the PDF export's
// (pdfkit): round steps (1, 2, 2.5 or 5 times a power of ten) from at or below the smallest value
// to at or above the largest, so no bar or point runs past the axis and no label reads "37 512".

type Options = { count?: number; isInteger?: boolean };

function stepFor(raw: number, isInteger: boolean): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // A count of deals has no half: 2.5 is not a step for it, and nothing below 1 is.
  const multiples = isInteger && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const step = multiples.map((multiple) => multiple * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  return isInteger ? Math.max(1, step) : step;
}

/** About `count` intervals; the first tick ≤ min, the last ≥ max. */
export function niceTicks(min: number, max: number, { count = 5, isInteger = false }: Options = {}): number[] {
  if (max <= min) return [min, min + 1];
  const step = stepFor((max - min) / count, isInteger);
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let index = 0; ; index++) {
    // Rounded so 0.1 + 0.2 steps read 0.3, not 0.30000000000000004.
    const tick = Math.round((first + index * step) * 1e9) / 1e9;
    ticks.push(tick);
    if (tick >= max) return ticks;
  }
}

/** An axis over these values, always including 0: its ticks and the domain they span. */
export function niceAxis(values: (number | null | undefined)[], options: Options = {}): { ticks: number[]; domain: [number, number] } {
  const present = values.filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  const ticks = niceTicks(Math.min(0, ...present), Math.max(0, ...present), options);
  return { ticks, domain: [ticks[0], ticks[ticks.length - 1]] };
}
