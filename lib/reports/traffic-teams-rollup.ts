// Rolls the traffic dashboard's cells (team × month × utm_source × utm_campaign) up into what it
// shows: per team, per team and month, per team and utm_source, per team and utm_campaign. UTM values
// that differ only in case are one key, labelled with one of their spellings (the first in code order,
// so the same on every database).
import { addSums, noSums, type TrafficSums } from "./traffic-teams-figures";
import type { TrafficCell } from "./traffic-teams-queries";

export type TrafficDimension = "team" | "month" | "source" | "campaign";

const keyOf = (teamId: string | null, dimension: TrafficDimension, key: string | null) => `${teamId ?? ""}|${dimension}|${key ?? ""}`;

export class TrafficRollup {
  private readonly sums = new Map<string, TrafficSums>();
  private readonly labels = new Map<string, string>();

  /** Adds each cell to its team, its month, its source and its campaign. */
  add(cells: TrafficCell[], into: (cell: TrafficCell) => Partial<TrafficSums>): this {
    for (const cell of cells) {
      const sums = { ...noSums(), ...into(cell) };
      const parts: [TrafficDimension, string | null, string | null][] = [
        ["team", null, null],
        ["month", cell.month, null],
        ["source", cell.utmSource?.toLowerCase() ?? null, cell.utmSource],
        ["campaign", cell.utmCampaign?.toLowerCase() ?? null, cell.utmCampaign],
      ];
      for (const [dimension, value, label] of parts) {
        const key = keyOf(cell.teamId, dimension, value);
        this.sums.set(key, addSums(this.sums.get(key) ?? noSums(), sums));
        const known = this.labels.get(key);
        if (label !== null && (known === undefined || label < known)) this.labels.set(key, label);
      }
    }
    return this;
  }

  get(teamId: string | null, dimension: TrafficDimension, value: string | null): TrafficSums {
    return this.sums.get(keyOf(teamId, dimension, value)) ?? noSums();
  }

  /** The source or campaign keys of one team, with their labels (null: not set). */
  valuesOf(teamId: string | null, dimension: "source" | "campaign"): { value: string | null; label: string | null }[] {
    const prefix = keyOf(teamId, dimension, null);
    return [...this.sums.keys()]
      .filter((key) => key.startsWith(prefix))
      .map((key) => {
        const value = key.slice(prefix.length);
        return { value: value === "" ? null : value, label: this.labels.get(key) ?? null };
      });
  }
}
