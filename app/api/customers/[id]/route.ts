import { apiRoute } from "@/lib/api/handler";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { getCustomer } from "@/lib/customers/queries";

/** GET /api/customers/:id — the customer with their order history. */
export const GET = apiRoute<{ id: string }>(CUSTOMERS_ACTION, async ({ viewer, db, params }) => getCustomer(db, viewer.orgId, params.id));
