import { apiRoute } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { getDealCard } from "@/lib/deals/deal-card";
import { exportLocale } from "@/lib/export/export-options";

// The deal card (docs/api.md, "Deal card"): 400 for an id that is not one, 404 outside the scope. The
// summary is in the viewer's language where a model can write it (docs/ai.md).
export const GET = apiRoute<{ id: string }>("reports:read", async ({ request, params, viewer, db }) =>
  getDealCard(db, scopeOf(viewer), params.id, new Date(), { viewerLang: exportLocale(request, viewer, {}) }),
);
