// The deals behind a dashboard figure: report filters + the clicked bucket, sorted, keyset-paginated.
import { apiRoute } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { listDeals, parseDealListQuery } from "@/lib/deals/deal-list";

export const GET = apiRoute("reports:read", async ({ request, viewer, db }) => {
  const { filters, page } = parseDealListQuery(new URL(request.url).searchParams);
  return listDeals(db, scopeOf(viewer), filters, page);
});
