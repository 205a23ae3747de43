// GET /api/operator/organisations: hosted mode's operator lists every organisation with its sizes and sync health.
import { apiRoute } from "@/lib/api/handler";
import { assertOperator } from "@/lib/hosted/operator";
import { listOrganisations } from "@/lib/hosted/organisations";

// Any role may reach the handler; being an operator is checked inside (lib/hosted/operator.ts).
export const GET = apiRoute("org:read", async ({ viewer, db }) => {
  await assertOperator(db, viewer);
  return { organisations: await listOrganisations(db) };
});
