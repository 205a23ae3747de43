import { apiRoute } from "@/lib/api/handler";
import { revokeDisplay } from "@/lib/displays/revoke";

/** The address stops working at once: the next view (and the proxy's framing check) finds it revoked. */
export const DELETE = apiRoute<{ id: string }>("displays:manage", async ({ params, viewer, db }) => {
  await revokeDisplay(db, viewer, "embed_link", params.id);
  return new Response(null, { status: 204 });
});
