import { apiRoute, readQuery } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { dealListQuerySchema, listDeals } from "@/lib/deals/deals";

export const GET = apiRoute("reports:read", async ({ request, viewer, db }) => listDeals(db, scopeOf(viewer), readQuery(request, dealListQuerySchema)));
