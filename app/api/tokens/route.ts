import { apiRoute, readJson } from "@/lib/api/handler";
import { createOwnApiToken, listOwnApiTokens } from "@/lib/users/own-tokens";
import { createTokenSchema } from "@/lib/users/schemas";

/** The token is in this response only; it is stored as a hash and can never be shown again. */
export const POST = apiRoute("tokens:manage-own", async ({ request, viewer, db }) => {
  const { name } = await readJson(request, createTokenSchema);
  return Response.json(await createOwnApiToken(db, viewer, name), { status: 201 });
});

export const GET = apiRoute("tokens:manage-own", async ({ viewer, db }) => ({ tokens: await listOwnApiTokens(db, viewer) }));
