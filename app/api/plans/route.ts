import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { savePlans } from "@/lib/plans/apply";
import { getPlanTable } from "@/lib/plans/plan-table";
import { plansBodySchema, plansQuerySchema } from "@/lib/plans/schemas";

/** The month's plans in the viewer's scope, each with its fact, % done and projection. */
export const GET = apiRoute("plans:read", async ({ request, viewer, db }) => getPlanTable(db, viewer, readQuery(request, plansQuerySchema).month));

/** Upserts rows of { month, userId | departmentId, revenue, wonDeals }; both figures null removes the plan. All or none. */
export const PUT = apiRoute("plans:manage", async ({ request, viewer, db }) => {
  const { rows } = await readJson(request, plansBodySchema);
  return savePlans(db, viewer, rows, "api");
});
