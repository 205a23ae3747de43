// GET /api/display-tokens: the organisation's TV screens; POST: a new display token, shown once (docs/tv-and-embed.md).
import { apiRoute, readJson } from "@/lib/api/handler";
import { createDisplayToken, listDisplayTokens } from "@/lib/displays/display-tokens";
import { createDisplayTokenSchema } from "@/lib/displays/schemas";

export const GET = apiRoute("displays:manage", async ({ viewer, db }) => ({ tokens: await listDisplayTokens(db, viewer) }));

export const POST = apiRoute("displays:manage", async ({ request, viewer, db }) => {
  const input = await readJson(request, createDisplayTokenSchema);
  return Response.json(await createDisplayToken(db, viewer, input), { status: 201 });
});
