// Request shapes of the ad-spend API (no database imports, so the page can share them).
import { z } from "zod";
import type { RawSpendRow } from "./validate";

const text = z.union([z.string(), z.number()]).transform(String).optional();

/** A row as a script sends it: `day` or `date`, `team` (name or id) or `teamId`, amount as a number or a string. */
const apiRowSchema = z.object({ day: text, date: text, team: text, teamId: text, source: text, utmSource: text, campaign: text, utmCampaign: text, amount: text, currency: text });

export const spendBodySchema = z.object({
  rows: z.array(apiRowSchema, { message: "must be an array of rows" }).min(1, "must hold at least one row").max(50_000, "must hold at most 50000 rows"),
  dryRun: z.boolean({ message: "must be true or false" }).default(false),
});

/** Rows are numbered from 1, as a person counts them in the array. */
export function toRawRows(rows: z.infer<typeof spendBodySchema>["rows"]): RawSpendRow[] {
  return rows.map((row, index) => ({
    line: index + 1,
    day: row.day ?? row.date,
    team: row.teamId ?? row.team,
    source: row.utmSource ?? row.source,
    campaign: row.utmCampaign ?? row.campaign,
    amount: row.amount,
    currency: row.currency,
  }));
}

// a real day: 2026-02-30 has the shape but no date, and PostgreSQL would refuse it
const isoDay = z.iso.date({ message: "must be a day like 2026-03-01" });
/** The list's filters and page: `page` from 1, `pageSize` rows per page (default 100, at most 500). */
export const spendQuerySchema = z.object({
  teamId: z.string().optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});
