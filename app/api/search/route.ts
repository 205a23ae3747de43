// The header search: deals, leads, contacts, companies and customers within the viewer's scope (docs/search.md).
import { apiRoute } from "@/lib/api/handler";
import { can } from "@/lib/auth/permissions";
import { scopeOf } from "@/lib/auth/scope";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/search/terms";

export const GET = apiRoute("reports:read", async ({ request, viewer, db }) => {
  const { q } = searchQuerySchema.parse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
  return search(db, scopeOf(viewer), q, { country: viewer.org.country, canSeeCustomers: can(viewer.role, CUSTOMERS_ACTION) });
});
