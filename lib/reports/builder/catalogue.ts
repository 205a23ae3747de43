// The report builder's whitelist: the measures and dimensions a custom report may ask for, which
// fact family answers each measure, and which dimensions each family can cut by. Anything outside
// this table is refused with a 400 before any SQL is written. Client-safe (no zod, no server code):
// the builder page reads the same lists (docs/builder.md).

export const MEASURES = [
  "wonRevenue",
  "wonDeals",
  "averageDeal",
  "leads",
  "convertedLeads",
  "conversion",
  "calls",
  "callMinutes",
  "emails",
  "meetings",
  "tasks",
  "dealsCreated",
  "daysToClose",
  "adSpend",
  "cpl",
  "cac",
  "romi",
] as const;
export type Measure = (typeof MEASURES)[number];

export const TIME_DIMENSIONS = ["day", "week", "month", "quarter", "year"] as const;
export const DIMENSIONS = [
  ...TIME_DIMENSIONS,
  "manager",
  "department",
  "source",
  "pipeline",
  "stage",
  "channel",
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "trafficTeam",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type TimeDimension = (typeof TIME_DIMENSIONS)[number];

export const CHART_TYPES = ["bar", "line", "area", "pie", "table"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** At most two dimensions: a pivot table has rows and columns, nothing more. */
export const MAX_DIMENSIONS = 2;
/** The most rows one built report answers (the API's `limit`; 1000 when none is sent). */
export const MAX_ROWS = 5000;

/** How a measure's value is written: money as an exact decimal string, the rest as numbers. */
export type MeasureKind = "money" | "count" | "ratio" | "decimal";
export const MEASURE_KIND: Record<Measure, MeasureKind> = {
  wonRevenue: "money",
  wonDeals: "count",
  averageDeal: "money",
  leads: "count",
  convertedLeads: "count",
  conversion: "ratio",
  calls: "count",
  callMinutes: "decimal",
  emails: "count",
  meetings: "count",
  tasks: "count",
  dealsCreated: "count",
  daysToClose: "decimal",
  adSpend: "money",
  cpl: "money",
  cac: "money",
  romi: "ratio",
};

/**
 * The fact family that answers a measure, and the dimensions it can cut by. Each family reads one
 * rollup (or, for the traffic family, the traffic dashboard's own function), so a figure is always
 * the fixed dashboard's figure for the same cut.
 */
export type Family = "won" | "created" | "leads" | "activities" | "cycle" | "traffic";
const time = TIME_DIMENSIONS;
export const FAMILY_DIMENSIONS: Record<Family, readonly Dimension[]> = {
  won: [...time, "manager", "department", "source", "pipeline", "stage"],
  created: [...time, "manager", "department", "source", "pipeline", "stage"],
  leads: [...time, "manager", "department", "source", "channel", "utmSource"],
  activities: [...time, "manager", "department", "source"],
  cycle: [...time, "manager", "department", "source", "pipeline"],
  // The traffic dashboard's cuts: per team, and inside a team per month, utm_source or utm_campaign.
  traffic: ["trafficTeam", "month", "utmSource", "utmCampaign"],
};

export const MEASURE_FAMILY: Record<Measure, Family> = {
  wonRevenue: "won",
  wonDeals: "won",
  averageDeal: "won",
  leads: "leads",
  convertedLeads: "leads",
  conversion: "leads",
  calls: "activities",
  callMinutes: "activities",
  emails: "activities",
  meetings: "activities",
  tasks: "activities",
  dealsCreated: "created",
  daysToClose: "cycle",
  adSpend: "traffic",
  cpl: "traffic",
  cac: "traffic",
  romi: "traffic",
};

/** Measures the traffic dashboard also answers: asked with a traffic cut or with spend, they come from it. */
export const TRAFFIC_MEASURES: readonly Measure[] = ["leads", "wonDeals", "wonRevenue", "averageDeal", "adSpend", "cpl", "cac", "romi"];
/** Dimensions only the traffic dashboard has. */
export const TRAFFIC_ONLY_DIMENSIONS: readonly Dimension[] = ["trafficTeam", "utmCampaign"];

/** A query takes the traffic route when it asks for spend or cuts by a team or a campaign. */
export function isTrafficQuery(measures: readonly Measure[], dimensions: readonly Dimension[]): boolean {
  return measures.some((m) => MEASURE_FAMILY[m] === "traffic") || dimensions.some((d) => TRAFFIC_ONLY_DIMENSIONS.includes(d));
}

export type Unavailable = { measure: Measure; dimension: Dimension };

/**
 * The first measure × dimension pair the facts cannot answer, or null when all can. Beyond single
 * pairs: a lead rollup is keyed by channel or by utm_source, never both; the traffic cuts other than
 * the team (month, utm_source, utm_campaign) exist only inside a team.
 */
export function firstUnavailablePair(measures: readonly Measure[], dimensions: readonly Dimension[]): Unavailable | null {
  if (isTrafficQuery(measures, dimensions)) {
    for (const measure of measures) {
      const other = dimensions.find((d) => !FAMILY_DIMENSIONS.traffic.includes(d));
      if (!TRAFFIC_MEASURES.includes(measure)) return { measure, dimension: dimensions.find((d) => TRAFFIC_ONLY_DIMENSIONS.includes(d)) ?? "trafficTeam" };
      if (other) return { measure, dimension: other };
      const loose = dimensions.find((d) => d !== "trafficTeam");
      if (loose && !dimensions.includes("trafficTeam")) return { measure, dimension: loose };
    }
    return null;
  }
  for (const measure of measures) {
    const allowed = FAMILY_DIMENSIONS[MEASURE_FAMILY[measure]];
    const missing = dimensions.find((d) => !allowed.includes(d));
    if (missing) return { measure, dimension: missing };
    if (MEASURE_FAMILY[measure] === "leads" && dimensions.includes("channel") && dimensions.includes("utmSource")) return { measure, dimension: "utmSource" };
  }
  return null;
}
