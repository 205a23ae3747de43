import { apiRoute, readQuery } from "@/lib/api/handler";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { customerQuerySchema, listCustomers } from "@/lib/customers/queries";

/**
 * GET /api/customers?q=&category=&page=&churnRiskMin=&active=&sort=&order= — the searchable, paged
 * list (admins; docs/customers.md). The churn candidates: `churnRiskMin=0.7&active=true&sort=churnRisk`.
 */
export const GET = apiRoute(CUSTOMERS_ACTION, async ({ request, viewer, db }) => {
  const filters = readQuery(request, customerQuerySchema);
  return { ...(await listCustomers(db, viewer.orgId, filters)), page: filters.page };
});
