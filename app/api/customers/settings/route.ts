// PUT /api/customers/settings: the organisation's VIP threshold and inactive days (the Customers
// page's settings form). Admins only, as every customers route (lib/customers/access.ts).
import { apiRoute, readJson } from "@/lib/api/handler";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { customerSettingsSchema, saveCustomerSettings } from "@/lib/customers/settings";

export const PUT = apiRoute(CUSTOMERS_ACTION, async ({ request, viewer, db }) => ({ settings: await saveCustomerSettings(db, viewer.orgId, await readJson(request, customerSettingsSchema)) }));
