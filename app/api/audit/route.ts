// GET /api/audit?userId&targetType&from&to&page: the organisation's audit log, newest first, 50 a page
// (admins only; docs/api.md "Audit log").
import { apiRoute, readQuery } from "@/lib/api/handler";
import { AUDIT_PAGE_SIZE, auditFiltersSchema, listAudit } from "@/lib/audit-log";

export const GET = apiRoute("audit:read", async ({ request, viewer, db }) => {
  const filters = readQuery(request, auditFiltersSchema);
  const { rows, total } = await listAudit(db, { id: viewer.orgId, timezone: viewer.org.timezone }, filters);
  return { entries: rows, total, page: filters.page, pageSize: AUDIT_PAGE_SIZE };
});
