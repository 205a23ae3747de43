import { apiRoute, readQuery } from "@/lib/api/handler";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { customerListSchema, listCustomers } from "@/lib/customers/queries";

/** GET /api/customers?q=&category=&page= — the searchable, paged list (admins; docs/customers.md). */
export const GET = apiRoute(CUSTOMERS_ACTION, async ({ request, viewer, db }) => {
  const filters = readQuery(request, customerListSchema);
  return { ...(await listCustomers(db, viewer.orgId, filters)), page: filters.page };
});
