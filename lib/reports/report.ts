// What every report module provides, and what it is given: the viewer's scope, the organisation's
// currency and time zone, the parsed filters and the period they resolve to.
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";
import type { Period } from "@/lib/time/months";
import type { ReportFilters } from "./filters";

export type ReportContext = {
  db: Db;
  scope: Scope;
  org: { baseCurrency: string; timezone: string };
  filters: ReportFilters;
  period: Period;
  now: Date;
};

/** `rows` and `totals` as the JSON API documents them; a report may add named breakdowns. */
export type ReportResult = { rows: object[]; totals?: object } & Record<string, unknown>;

export type ReportDefinition<R extends ReportResult = ReportResult> = {
  name: string;
  run: (context: ReportContext) => Promise<R>;
};
