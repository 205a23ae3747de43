import { apiRoute } from "@/lib/api/handler";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { rebuildCustomers } from "@/lib/customers/rebuild";

export const maxDuration = 300;

/** POST /api/customers/rebuild — recompute the organisation's customers; failures listed with reasons. */
export const POST = apiRoute(CUSTOMERS_ACTION, async ({ viewer, db }) => rebuildCustomers(db, { orgId: viewer.orgId }));
