import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { checkSpend, importSpend } from "@/lib/ad-spend/import";
import { spendBodySchema, spendQuerySchema, toRawRows } from "@/lib/ad-spend/schemas";
import { listSpend } from "@/lib/ad-spend/store";

export const GET = apiRoute("rules:manage", async ({ request, viewer, db }) => listSpend(db, viewer, readQuery(request, spendQuerySchema)));

/** JSON rows for scripts: all stored (upserted on team, day, source, campaign, currency) or none; `dryRun` only checks. */
export const POST = apiRoute("rules:manage", async ({ request, viewer, db }) => {
  const { rows, dryRun } = await readJson(request, spendBodySchema);
  if (dryRun) return checkSpend(db, viewer, toRawRows(rows));
  return importSpend(db, viewer, toRawRows(rows), "api");
});
