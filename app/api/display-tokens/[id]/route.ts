import { apiRoute } from "@/lib/api/handler";
import { revokeDisplay } from "@/lib/displays/revoke";

/** The screen showing it is refused from its next request on (a page, a report, a new live connection). */
export const DELETE = apiRoute<{ id: string }>("displays:manage", async ({ params, viewer, db }) => {
  await revokeDisplay(db, viewer, "display_token", params.id);
  return new Response(null, { status: 204 });
});
