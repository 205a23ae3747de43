// The audit log: who changed what and when, filtered by person, kind of object and local days, and
// exported with the same filters.
import { PageHeader } from "@/components/admin/page-header";
import { DateField } from "@/components/dashboard/date-field";
import { PageLinks } from "@/components/ui/page-links";
import { ExportMenu } from "@/components/export/export-menu";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { AUDIT_TARGET_TYPES } from "@/lib/audit";
import { AUDIT_PAGE_SIZE, auditFiltersSchema, auditPeople, listAudit, type AuditFilters } from "@/lib/audit-log";
import { requirePermission } from "@/lib/auth/session";
import { formatPlural } from "@/lib/format";
import { auditMessages } from "@/lib/i18n/audit-messages";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listQuery, stringParams } from "@/lib/url/list-query";
import { AuditTable } from "./audit-table";

export const generateMetadata = pageTitle("audit");
export const dynamic = "force-dynamic";

const input = "rounded border border-slate-300 px-2 py-1.5";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("audit:read");
  const locale = await resolveLocale(viewer);
  const t = auditMessages[locale];
  const calendar = dashboardMessages[locale].filters.calendar;
  // An address edited by hand with a bad value shows the whole log rather than an error page.
  const parsed = auditFiltersSchema.safeParse(stringParams(await searchParams));
  const filters: AuditFilters = parsed.success ? parsed.data : { page: 1 };
  const db = await getDb();
  const [people, log] = await Promise.all([auditPeople(db, viewer.orgId), listAudit(db, { id: viewer.orgId, timezone: viewer.org.timezone }, filters)]);
  const pages = Math.max(1, Math.ceil(log.total / AUDIT_PAGE_SIZE));
  const href = (page: number) => `/admin/audit?${listQuery({ ...filters, page })}`;
  const isFiltered = Boolean(filters.userId || filters.targetType || filters.from || filters.to);
  const exportParams = Object.fromEntries(Object.entries({ ...filters, page: undefined }).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} back={{ href: "/admin", label: t.back }} />
      <Card title={<span data-testid="audit-total">{formatPlural(log.total, t.total, locale)}</span>}>
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label={t.filters}>
            <label className="flex flex-col gap-1">
              <span className="text-xs text-slate-500">{t.person}</span>
              <select name="userId" defaultValue={filters.userId ?? ""} className={input}>
                <option value="">{t.allPeople}</option>
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-xs text-slate-500">{t.object}</span>
              <select name="targetType" defaultValue={filters.targetType ?? ""} className={input}>
                <option value="">{t.allObjects}</option>
                {AUDIT_TARGET_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t.targetTypes[type]}
                  </option>
                ))}
              </select>
            </label>
            {(["from", "to"] as const).map((name) => (
              <div key={name} className="flex w-36 flex-col gap-1">
                <label htmlFor={`audit-${name}`} className="text-xs text-slate-500">
                  {t[name]}
                </label>
                <DateField id={`audit-${name}`} name={name} defaultValue={filters[name]} locale={locale} labels={calendar} alignEnd={name === "to"} />
              </div>
            ))}
            <button type="submit" className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
              {t.apply}
            </button>
            {isFiltered ? (
              <a href="/admin/audit" className="px-2 py-1.5 text-slate-500 hover:text-slate-800">
                {t.reset}
              </a>
            ) : null}
          </form>
          <ExportMenu kind="audit" params={exportParams} />
        </div>
        <AuditTable
          rows={log.rows}
          t={t}
          locale={locale}
          timeZone={viewer.org.timezone}
          empty={isFiltered ? t.emptyFiltered : t.empty}
          pager={<PageLinks label={t.title} page={filters.page} pages={pages} href={href} texts={t} locale={locale} />}
        />
      </Card>
    </div>
  );
}

