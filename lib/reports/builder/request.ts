// The body of POST /api/reports/custom, checked before anything reaches SQL: whitelisted measures
// and dimensions (lib/reports/builder/catalogue.ts), at most two dimensions, a period as the
// dashboards take it (a preset, or from/to dates), the dashboards' filters, a sort and a limit.
import { z } from "zod";
import { periodPresets, type ReportFilters } from "@/lib/reports/filters";
import { CHART_TYPES, DIMENSIONS, MAX_DIMENSIONS, MAX_ROWS, MEASURES, type Dimension, type Measure } from "./catalogue";

const isoDate = z.iso.date({ message: "must be a date as YYYY-MM-DD" });
const distinct = <T>(list: readonly T[]) => new Set(list).size === list.length;

const periodSchema = z
  .object({
    preset: z.enum(periodPresets, { message: `must be one of ${periodPresets.join(", ")}` }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
  // zod 4 runs this even when a date failed its own check: compare only two valid dates.
  .refine((p) => typeof p.from !== "string" || typeof p.to !== "string" || !isoDate.safeParse(p.from).success || !isoDate.safeParse(p.to).success || p.from <= p.to, {
    path: ["to"],
    message: "must not be before from",
  });

const filtersSchema = z
  .object({
    pipelineId: z.uuid({ message: "must be a pipeline id" }).optional(),
    departmentId: z.uuid({ message: "must be a department id" }).optional(),
    managerId: z.uuid({ message: "must be a manager id" }).optional(),
    sourceId: z.uuid({ message: "must be a source id" }).optional(),
  })
  .strict();

export const customReportSchema = z
  .object({
    measures: z
      .array(z.enum(MEASURES, { message: `must be one of ${MEASURES.join(", ")}` }))
      .min(1, "must name at least one measure")
      .max(MEASURES.length)
      .refine(distinct, "must not repeat a measure"),
    dimensions: z
      .array(z.enum(DIMENSIONS, { message: `must be one of ${DIMENSIONS.join(", ")}` }))
      .refine((list) => list.length <= MAX_DIMENSIONS, { message: `must have at most ${MAX_DIMENSIONS} dimensions`, params: { code: "builder_too_many_dimensions", max: MAX_DIMENSIONS } })
      .refine(distinct, "must not repeat a dimension")
      .default([]),
    period: periodSchema.default({}),
    filters: filtersSchema.default({}),
    sort: z
      .object({
        by: z.enum([...MEASURES, ...DIMENSIONS], { message: "must be one of the measures or dimensions" }),
        direction: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("asc"),
      })
      .strict()
      .optional(),
    limit: z.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(MAX_ROWS, `must be at most ${MAX_ROWS}`).default(1000),
    chart: z.enum(CHART_TYPES, { message: `must be one of ${CHART_TYPES.join(", ")}` }).default("bar"),
  })
  .strict()
  // Sorting by something the report does not show would sort by nothing; guarded, as zod 4 runs it after failed fields too.
  .refine((r) => !r.sort || !Array.isArray(r.measures) || !Array.isArray(r.dimensions) || [...r.measures, ...r.dimensions].includes(r.sort.by as never), {
    path: ["sort", "by"],
    message: "must be one of the report's measures or dimensions",
  });

export type CustomReportRequest = z.infer<typeof customReportSchema> & { measures: Measure[]; dimensions: Dimension[] };

/** The period and filters as the dashboards' ReportFilters, so resolvePeriod and the scope check serve both. */
export function reportFiltersOf(request: Pick<CustomReportRequest, "period" | "filters">): ReportFilters {
  return { ...request.period, ...request.filters };
}
