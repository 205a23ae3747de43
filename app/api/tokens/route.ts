import { apiRoute, readJson } from "@/lib/api/handler";
import { isTokenRequest } from "@/lib/api/viewer-from-request";
import { AppError } from "@/lib/errors";
import { createOwnApiToken, listOwnApiTokens } from "@/lib/users/own-tokens";
import { createTokenSchema } from "@/lib/users/schemas";

/**
 * The token is in this response only; it is stored as a hash and can never be shown again. Only a
 * signed-in person makes tokens: a leaked token must not be able to mint itself successors.
 */
export const POST = apiRoute("tokens:manage-own", async ({ request, viewer, db }) => {
  if (isTokenRequest(request)) throw new AppError(403, "token_cannot_create_tokens", "An API token cannot create tokens: sign in to create one");
  const { name } = await readJson(request, createTokenSchema);
  return Response.json(await createOwnApiToken(db, viewer, name), { status: 201 });
});

export const GET = apiRoute("tokens:manage-own", async ({ viewer, db }) => ({ tokens: await listOwnApiTokens(db, viewer) }));
