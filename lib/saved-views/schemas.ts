// Request shapes of /api/saved-reports. A view's query is checked with the reports' own filter
// schema and kept in its canonical form, so a saved view opens exactly as the dashboard parses it.
import { z } from "zod";
import { reportQueryString } from "@/lib/reports/report-query";
import { reportFiltersSchema } from "@/lib/reports/filters";
import { SAVED_VIEW_DASHBOARDS } from "./dashboards";

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
};

export const createSavedViewSchema = z.object({
  name: fields.name,
  dashboard: z.enum(SAVED_VIEW_DASHBOARDS, { message: `must be one of ${SAVED_VIEW_DASHBOARDS.join(", ")}` }),
  query: fields.query.default(""),
  visibility: fields.visibility.default("private"),
  departmentId: fields.departmentId.optional(),
  isPinned: fields.isPinned.default(false),
  isDefault: fields.isDefault.default(false),
});
export type CreateSavedViewInput = z.infer<typeof createSavedViewSchema>;

export const updateSavedViewSchema = z
  .object({
    name: fields.name.optional(),
    query: fields.query.optional(),
    visibility: fields.visibility.optional(),
    departmentId: fields.departmentId.optional(),
    isPinned: fields.isPinned.optional(),
    isDefault: fields.isDefault.optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), "send at least one of name, query, visibility, departmentId, isPinned, isDefault");
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewSchema>;
