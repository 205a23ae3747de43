import { Card } from "@/components/ui/card";
import { PageLinks } from "@/components/ui/page-links";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { CUSTOMER_CATEGORIES, CUSTOMERS_PAGE_SIZE, customerListSchema, customersByCategory, getCustomer, listCustomers, topCustomers, type CustomerListFilters } from "@/lib/customers/queries";
import { getCustomerSettings } from "@/lib/customers/settings";
import { NotFoundError } from "@/lib/errors";
import { formatMoney, formatPlural } from "@/lib/format";
import { customersMessages } from "@/lib/i18n/customers-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { ChurnCard } from "./churn-card";
import { CustomerOrders } from "./customer-orders";
import { CustomersTable } from "./customers-table";
import { CustomerSettingsForm } from "./settings-form";
import { pageTitle } from "@/lib/i18n/page-title";
import { listQuery, stringParams } from "@/lib/url/list-query";

export const generateMetadata = pageTitle("customers");
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  const t = customersMessages[locale];
  if (!can(viewer.role, CUSTOMERS_ACTION)) {
    return (
      <div className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-500" data-testid="customers-admins-only">
          {t.adminsOnly}
        </p>
      </div>
    );
  }
  const params = stringParams(await searchParams);
  const filters = customerListSchema.parse(params);
  const db = await getDb();
  const [summary, top, list, settings, detail] = await Promise.all([
    customersByCategory(db, viewer.orgId),
    topCustomers(db, viewer.orgId),
    listCustomers(db, viewer.orgId, filters),
    getCustomerSettings(db, viewer.orgId),
    params.customer ? getCustomer(db, viewer.orgId, params.customer).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))) : null,
  ]);
  const currency = viewer.org.baseCurrency;
  const tz = viewer.org.timezone;
  const href = (changes: Partial<CustomerListFilters> & { customer?: string }) => `/customers?${listQuery({ ...filters, ...changes })}`;
  const pages = Math.max(1, Math.ceil(list.total / CUSTOMERS_PAGE_SIZE));
  return (
    <div className="max-w-6xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t.title}</h1>
        <p className="mt-1 text-sm text-slate-500">{t.intro}</p>
      </header>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {summary.map((row) => (
          <StatCard
            key={row.category}
            testId={`category-${row.category}`}
            label={t.category[row.category]}
            value={formatPlural(row.customers, t.customersCount, locale)}
            detail={`${t.revenue}: ${formatMoney(row.revenue, currency, locale)}`}
          />
        ))}
      </div>
      {detail ? <CustomerOrders detail={detail} closeHref={href({})} t={t} locale={locale} timeZone={tz} /> : null}
      <ChurnCard db={db} orgId={viewer.orgId} params={params} t={t} locale={locale} currency={currency} timeZone={tz} />
      <Card title={t.top}>
        <CustomersTable rows={top} openHref={(id) => href({ customer: id })} t={t} locale={locale} currency={currency} timeZone={tz} label={t.top} testId="top-customers" />
      </Card>
      <Card title={t.all}>
        <form method="get" className="mb-4 flex flex-wrap gap-2 text-sm">
          <input name="q" aria-label={t.search} defaultValue={filters.q ?? ""} placeholder={t.search} className="min-w-64 rounded border border-slate-300 px-2 py-1.5" />
          <select name="category" aria-label={t.columns.category} defaultValue={filters.category ?? ""} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t.allCategories}</option>
            {CUSTOMER_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t.category[category]}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
            {t.find}
          </button>
        </form>
        <CustomersTable rows={list.rows} openHref={(id) => href({ customer: id })} t={t} locale={locale} currency={currency} timeZone={tz} label={t.all} testId="customers-table" />
        <PageLinks label={t.all} page={filters.page} pages={pages} href={(page) => href({ page })} texts={t} locale={locale} />
      </Card>
      <Card title={t.settings}>
        <CustomerSettingsForm values={settings} t={t} locale={locale} />
      </Card>
    </div>
  );
}

