// How good a probability is, measured on deals whose outcome is known: the area under the ROC
// curve (how well it ranks wins above losses), the Brier score (mean squared error of the
// probability) and a calibration table (predicted against observed, in ten bands).
import type { CalibrationBin } from "@/db/schema";

export type Scored = { p: number; won: 0 | 1 };

/** AUC by the rank-sum (Mann–Whitney) formula, ties counted half; null without both outcomes. */
export function auc(scored: Scored[]): number | null {
  const wins = scored.filter((s) => s.won === 1).length;
  const losses = scored.length - wins;
  if (wins === 0 || losses === 0) return null;
  const sorted = [...scored].sort((a, b) => a.p - b.p);
  let rankSumOfWins = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].p === sorted[i].p) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) if (sorted[k].won === 1) rankSumOfWins += averageRank;
    i = j;
  }
  return (rankSumOfWins - (wins * (wins + 1)) / 2) / (wins * losses);
}

export function brier(scored: Scored[]): number | null {
  if (scored.length === 0) return null;
  return scored.reduce((sum, s) => sum + (s.p - s.won) ** 2, 0) / scored.length;
}

export function calibration(scored: Scored[], bands = 10): CalibrationBin[] {
  return Array.from({ length: bands }, (_, i) => {
    const from = i / bands;
    const to = (i + 1) / bands;
    const inBand = scored.filter((s) => s.p >= from && (s.p < to || (i === bands - 1 && s.p <= 1)));
    const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
    return { from, to, deals: inBand.length, meanPredicted: mean(inBand.map((s) => s.p)), observedRate: mean(inBand.map((s) => s.won)) };
  });
}
