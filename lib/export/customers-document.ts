// The customers list as an export document (CSV, XLSX or PDF through the one renderer): the rows
// GET /api/customers answers for the same filters and sort, every page of them, up to
// CUSTOMERS_EXPORT_MAX. With `churnRiskMin` it is the churn candidates list.
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { listCustomers, topCustomers, type CustomerQuery } from "@/lib/customers/queries";
import type { Locale } from "@/lib/format";
import { churnMessages } from "@/lib/i18n/churn-messages";
import { customersMessages } from "@/lib/i18n/customers-messages";
import { exportMessages } from "@/lib/i18n/export-messages";
import { describeScope } from "./describe-filters";
import { defineTable, type ExportDocument } from "./model";

export const CUSTOMERS_EXPORT_MAX = 10_000;
type Row = Awaited<ReturnType<typeof topCustomers>>[number];

export async function buildCustomersDocument(db: Db, viewer: Viewer, filters: CustomerQuery, locale: Locale, now = new Date()): Promise<ExportDocument> {
  const t = customersMessages[locale];
  const churn = churnMessages[locale];
  const { rows } = await listCustomers(db, viewer.orgId, { ...filters, page: 1 }, CUSTOMERS_EXPORT_MAX);
  const c = t.columns;
  const isChurn = filters.churnRiskMin !== undefined;
  const table = defineTable<Row>({
    columns: [
      { key: "name", header: c.name, type: "text", value: (row) => row.name ?? "" },
      { key: "phone", header: c.phone, type: "text", value: (row) => row.phone ?? "" },
      { key: "email", header: c.email, type: "text", value: (row) => row.email ?? "" },
      { key: "orders", header: c.orders, type: "integer", value: (row) => row.orderCount },
      { key: "total", header: c.total, type: "money", value: (row) => row.totalSpent },
      { key: "last", header: c.last, type: "datetime", value: (row) => row.lastOrderAt },
      { key: "gap", header: churn.gap, type: "decimal", value: (row) => (row.churnGapDays === null ? null : Math.round(row.churnGapDays * 10) / 10) },
      { key: "risk", header: churn.risk, type: "percent", value: (row) => row.churnRisk },
      { key: "category", header: c.category, type: "text", value: (row) => t.category[row.category] },
    ],
    rows,
  });
  const title = isChurn ? churn.exportTitle : churn.customersTitle;
  const lines: [string, string][] = [];
  if (isChurn) lines.push([churn.risk, `≥ ${filters.churnRiskMin}`]);
  if (filters.category) lines.push([c.category, t.category[filters.category]]);
  if (filters.q) lines.push([t.search, filters.q]);
  return {
    slug: isChurn ? "churn-candidates" : "customers",
    title,
    locale,
    currency: viewer.org.baseCurrency,
    timezone: viewer.org.timezone,
    period: null,
    filters: lines,
    scope: await describeScope(db, viewer, exportMessages[locale]),
    exportedBy: `${viewer.name} <${viewer.email}>`,
    exportedAt: now,
    sections: [{ key: "customers", title, table }],
  };
}
