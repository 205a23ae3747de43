import { apiRoute } from "@/lib/api/handler";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { getChurnRun } from "@/lib/customers/churn/run";

/** GET /api/customers/churn — the last churn scoring and its backtest (admins; docs/customers.md, "Churn risk"). */
export const GET = apiRoute(CUSTOMERS_ACTION, async ({ viewer, db }) => ({ run: await getChurnRun(db, viewer.orgId) }));
