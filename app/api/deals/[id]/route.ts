import { apiRoute } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { getDealCard } from "@/lib/deals/deal-card";

// The deal card (docs/api.md, "Deal card"): 400 for an id that is not one, 404 outside the scope.
export const GET = apiRoute<{ id: string }>("reports:read", async ({ params, viewer, db }) => getDealCard(db, scopeOf(viewer), params.id));
