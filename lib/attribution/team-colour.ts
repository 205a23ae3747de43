// A traffic team's colour wherever it is drawn — the dashboard's swatches and trend lines and the
// PDF export's charts — so a team looks the same on screen and on paper.

/** The Unattributed row, and a team without a colour: slate grey. */
export const UNATTRIBUTED_COLOUR = "#94a3b8";

export function teamColour(color: string | null): string {
  return color ?? UNATTRIBUTED_COLOUR;
}
