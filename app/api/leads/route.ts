// The leads behind a dashboard figure: report filters + the clicked bucket, sorted, keyset-paginated.
import { apiRoute } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { listLeads, parseLeadListQuery } from "@/lib/leads/lead-list";

export const GET = apiRoute("reports:read", async ({ request, viewer, db }) => {
  const { filters, page } = parseLeadListQuery(new URL(request.url).searchParams);
  return listLeads(db, scopeOf(viewer), filters, page);
});
