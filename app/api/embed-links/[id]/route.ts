import { apiRoute } from "@/lib/api/handler";
import { revokeEmbedLink } from "@/lib/displays/embed-links";

/** The address stops working at once: the next view (and the proxy's framing check) finds it revoked. */
export const DELETE = apiRoute<{ id: string }>("displays:manage", async ({ params, viewer, db }) => {
  await revokeEmbedLink(db, viewer, params.id);
  return new Response(null, { status: 204 });
});
