import { apiRoute } from "@/lib/api/handler";
import { revokeDisplayToken } from "@/lib/displays/display-tokens";

/** The screen showing it is refused from its next request on (a page, a report, a new live connection). */
export const DELETE = apiRoute<{ id: string }>("displays:manage", async ({ params, viewer, db }) => {
  await revokeDisplayToken(db, viewer, params.id);
  return new Response(null, { status: 204 });
});
