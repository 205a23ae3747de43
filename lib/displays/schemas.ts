// Request shapes of /api/display-tokens and /api/embed-links. A field that fails is named in the 400.
import { z } from "zod";
import { SAVED_VIEW_DASHBOARDS } from "@/lib/saved-views/dashboards";
import { MAX_EMBED_DAYS, MAX_ROTATE_SECONDS, MIN_ROTATE_SECONDS } from "./limits";

const name = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters");
const dashboard = z.enum(SAVED_VIEW_DASHBOARDS, { message: `must be one of ${SAVED_VIEW_DASHBOARDS.join(", ")}` });

export const createDisplayTokenSchema = z.object({
  name,
  dashboards: z
    .array(dashboard, { message: `must be a list of dashboards: ${SAVED_VIEW_DASHBOARDS.join(", ")}` })
    .min(1, "must name at least one dashboard")
    .max(SAVED_VIEW_DASHBOARDS.length, `must list at most ${SAVED_VIEW_DASHBOARDS.length}`)
    .transform((list) => [...new Set(list)]),
  rotateSeconds: z
    .number({ message: `must be a number of seconds, ${MIN_ROTATE_SECONDS} to ${MAX_ROTATE_SECONDS}` })
    .int("must be a whole number")
    .min(MIN_ROTATE_SECONDS, `must be at least ${MIN_ROTATE_SECONDS}`)
    .max(MAX_ROTATE_SECONDS, `must be at most ${MAX_ROTATE_SECONDS}`)
    .default(30),
});
export type CreateDisplayToken = z.infer<typeof createDisplayTokenSchema>;

/** A dashboard with a query, or a saved view (a saved built report included) by `viewId`: one of the two. */
export const createEmbedLinkSchema = z
  .object({
  name,
  dashboard: dashboard.optional(),
  viewId: z.guid({ message: "must be a saved view id" }).transform((id) => id.toLowerCase()).optional(),
  query: z.string({ message: "must be a query string such as preset=this-month" }).max(2000, "must be at most 2000 characters").default(""),
  days: z
    .number({ message: `must be a number of days, 1 to ${MAX_EMBED_DAYS}` })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_EMBED_DAYS, `must be at most ${MAX_EMBED_DAYS}`)
    .default(30),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.dashboard) === Boolean(v.viewId)) ctx.addIssue({ code: "custom", path: [v.dashboard ? "viewId" : "dashboard"], message: "send a dashboard or a saved view (viewId), one of the two" });
    if (v.viewId && v.query) ctx.addIssue({ code: "custom", path: ["query"], message: "a saved view brings its own" });
  });
export type CreateEmbedLink = z.infer<typeof createEmbedLinkSchema>;
