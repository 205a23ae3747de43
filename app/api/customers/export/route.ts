// GET /api/customers/export?format=csv|xlsx|pdf&<the list's filters and sort>: the customers (or,
// with churnRiskMin, the churn candidates) as a file; admins only, like the list.
import { apiRoute } from "@/lib/api/handler";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { customerQuerySchema } from "@/lib/customers/queries";
import { buildCustomersDocument } from "@/lib/export/customers-document";
import { exportLocale, filterParams, parseExportOptions } from "@/lib/export/export-options";
import { renderDocument } from "@/lib/export/render";

export const GET = apiRoute(CUSTOMERS_ACTION, async ({ request, viewer, db }) => {
  const search = new URL(request.url).searchParams;
  const options = parseExportOptions(search);
  const filters = customerQuerySchema.parse(Object.fromEntries(filterParams(search)));
  const doc = await buildCustomersDocument(db, viewer, filters, exportLocale(request, viewer, options));
  return renderDocument(doc, options);
});
