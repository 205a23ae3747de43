// GET /api/exchange-rates[?currency=USD]: the organisation's rates; POST: set the rate of a currency
// on a day (201 when added, 200 when it replaced one; `created` in the body says the same to the
// browser's form). Admins only; docs/reports.md.
import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { listRates, setRate } from "@/lib/rates/rates";
import { rateInputSchema, rateListQuerySchema } from "@/lib/rates/schemas";

export const GET = apiRoute("org:update", async ({ request, viewer, db }) => ({ rates: await listRates(db, viewer, readQuery(request, rateListQuerySchema)) }));

export const POST = apiRoute("org:update", async ({ request, viewer, db }) => {
  const { rate, created, dealsRevalued } = await setRate(db, viewer, await readJson(request, rateInputSchema));
  return Response.json({ rate, created, dealsRevalued }, { status: created ? 201 : 200 });
});
