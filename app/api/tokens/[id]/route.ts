import { apiRoute } from "@/lib/api/handler";
import { revokeOwnApiToken } from "@/lib/users/own-tokens";

export const DELETE = apiRoute<{ id: string }>("tokens:manage-own", async ({ params, viewer, db }) => {
  await revokeOwnApiToken(db, viewer, params.id);
  return new Response(null, { status: 204 });
});
