// Request shapes of /api/saved-reports. A view's query is checked with the reports' own filter
// schema and kept in its canonical form, so a saved view opens exactly as the dashboard parses it.
// A built report (dashboard `builder`) sends its whole body as `report`, checked by the builder's own
// schema and kept as the builder's canonical address (lib/reports/builder/address.ts).
import { z } from "zod";
import { addressOf } from "@/lib/reports/builder/address";
import { customReportSchema, type CustomReportRequest } from "@/lib/reports/builder/request";
import { reportQueryString } from "@/lib/reports/report-query";
import { reportFiltersSchema } from "@/lib/reports/filters";
import { SAVED_VIEW_KINDS } from "./dashboards";

export const SAVED_VIEW_VISIBILITIES = ["private", "department", "org"] as const;
export type SavedViewVisibility = (typeof SAVED_VIEW_VISIBILITIES)[number];

const nameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters");

/**
 * "?preset=this-year&managerId=…" or "preset=this-year…": params that are not filters (a table's
 * sort, say) are dropped; a filter with a bad value is refused as `query.<filter>`.
 */
const querySchema = z
  .string({ message: "must be a query string such as preset=this-year" })
  .max(2000, "must be at most 2000 characters")
  .transform((raw, ctx) => {
    const canonical = reportQueryString(new URLSearchParams(raw.replace(/^\?/, "")));
    const parsed = reportFiltersSchema.safeParse(Object.fromEntries(new URLSearchParams(canonical)));
    if (parsed.success) return canonical;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path.map(String), message: issue.message });
    return z.NEVER;
  });

const fields = {
  name: nameSchema,
  query: querySchema,
  visibility: z.enum(SAVED_VIEW_VISIBILITIES, { message: `must be one of ${SAVED_VIEW_VISIBILITIES.join(", ")}` }),
  departmentId: z.guid({ message: "must be a department id" }).transform((id) => id.toLowerCase()).nullable(),
  isPinned: z.boolean({ message: "must be true or false" }),
  isDefault: z.boolean({ message: "must be true or false" }),
  report: customReportSchema,
};

/** A built report's body as the builder's address: the form it is stored and opened in. */
export function reportQuery(report: CustomReportRequest): string {
  return addressOf(report);
}

export const createSavedViewSchema = z
  .object({
    name: fields.name,
    dashboard: z.enum(SAVED_VIEW_KINDS, { message: `must be one of ${SAVED_VIEW_KINDS.join(", ")}` }),
    query: fields.query.optional(),
    report: fields.report.optional(),
    visibility: fields.visibility.default("private"),
    departmentId: fields.departmentId.optional(),
    isPinned: fields.isPinned.default(false),
    isDefault: fields.isDefault.default(false),
  })
  // A built report is its body; a dashboard's view is its filters: each sends its own, never the other's.
  .transform(({ report, query, ...view }, ctx) => {
    if (view.dashboard !== "builder") {
      if (report !== undefined) ctx.addIssue({ code: "custom", path: ["report"], message: "is only for a built report (dashboard builder)" });
      return { ...view, query: query ?? "", report: null };
    }
    if (query !== undefined) ctx.addIssue({ code: "custom", path: ["query"], message: "a built report sends its filters inside report" });
    if (report === undefined) {
      ctx.addIssue({ code: "custom", path: ["report"], message: "is required for a built report: the body of POST /api/reports/custom" });
      return z.NEVER;
    }
    return { ...view, query: reportQuery(report as CustomReportRequest), report: report as CustomReportRequest };
  });
export type CreateSavedViewInput = z.infer<typeof createSavedViewSchema>;

export const updateSavedViewSchema = z
  .object({
    name: fields.name.optional(),
    query: fields.query.optional(),
    /** A built report's new body; which of query and report fits is checked against the view (lib/saved-views/save.ts). */
    report: fields.report.optional(),
    visibility: fields.visibility.optional(),
    departmentId: fields.departmentId.optional(),
    isPinned: fields.isPinned.optional(),
    isDefault: fields.isDefault.optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), "send at least one of name, query, report, visibility, departmentId, isPinned, isDefault");
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewSchema>;
