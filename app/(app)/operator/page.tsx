// Hosted mode's operator page (docs/hosted.md): every organisation's sizes and sync health,
// Suspend / Resume, and a link to its quotas and deletion (./[id]). Not found for anyone who is not
// an operator, and with MULTI_ORG off.
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { ApiButton } from "@/components/ui/api-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/format";
import { isOperator } from "@/lib/hosted/operator";
import { listOrganisations, type OrganisationSummary } from "@/lib/hosted/organisations";
import { hostedMessages } from "@/lib/i18n/hosted-messages";
import { resolveLocale } from "@/lib/i18n/locale";

export default async function OperatorPage() {
  const viewer = await requireViewer();
  const db = await getDb();
  if (!(await isOperator(db, viewer))) notFound();
  const locale = await resolveLocale(viewer);
  const t = hostedMessages[locale].operator;
  const rows = await listOrganisations(db);
  const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), viewer.org.timezone, locale) : t.never);
  const sized = (value: number, limit: number) => `${formatNumber(value, locale)} / ${formatNumber(limit, locale)}`;
  const columns: Column<OrganisationSummary>[] = [
    { key: "name", label: t.name, render: (org) => org.name },
    { key: "created", label: t.created, render: (org) => when(org.createdAt) },
    { key: "users", label: t.users, isNumeric: true, render: (org) => sized(org.size.users, org.quotas.users) },
    { key: "sources", label: t.sources, isNumeric: true, render: (org) => sized(org.size.sources, org.quotas.sources) },
    { key: "deals", label: t.deals, isNumeric: true, render: (org) => sized(org.size.deals, org.quotas.deals) },
    { key: "rows", label: t.storedRows, isNumeric: true, render: (org) => formatNumber(org.size.storedRows, locale) },
    { key: "lastRun", label: t.lastRun, render: (org) => when(org.sync.lastRunAt) },
    { key: "failures", label: t.failures, isNumeric: true, render: (org) => formatNumber(org.sync.failedRuns, locale) },
    { key: "status", label: t.status, render: (org) => (org.suspendedAt ? t.suspended : t.active), testId: "operator-org-status" },
    {
      key: "action",
      label: "",
      render: (org) =>
        org.id === viewer.orgId ? (
          t.own
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <ApiButton url={`/api/operator/organisations/${org.id}`} method="PATCH" body={{ suspended: !org.suspendedAt }} label={org.suspendedAt ? t.resume : t.suspend} variant="secondary" locale={locale} />
            <Link href={`/operator/${org.id}`} className="text-sm text-brand-700 hover:underline">
              {t.manage}
            </Link>
          </div>
        ),
    },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t.title} intro={t.intro} />
      <DataTable columns={columns} rows={rows} rowKey={(org) => org.id} label={t.title} testId="operator-organisations" rowProps={(org) => ({ "data-org": org.name })} />
    </div>
  );
}
