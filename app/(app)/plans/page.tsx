// The plans page (admins and directors): one month's plans of the departments and managers in the
// viewer's scope as a form, beside each one's fact, and a CSV import.
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { plansMessages } from "@/lib/i18n/plans-messages";
import { getPlanTable } from "@/lib/plans/plan-table";
import { monthSchema } from "@/lib/plans/schemas";
import { localToday } from "@/lib/time/comparison";
import { PlansCsvImport } from "./plans-csv-import";
import { PlansForm } from "./plans-form";

export const generateMetadata = pageTitle("plans");

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PlansPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePermission("plans:manage");
  const locale = await resolveLocale(viewer);
  const t = plansMessages[locale];
  const requested = monthSchema.safeParse([(await searchParams).month].flat()[0]);
  // No month, or a malformed one in a shared link: the current month rather than an error page.
  const month = requested.success ? requested.data : localToday(new Date(), viewer.org.timezone).slice(0, 7);
  const table = await getPlanTable(await getDb(), viewer, month);
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} />
      <Card title={t.title}>
        <PlansForm key={month} table={table} locale={locale} t={t} />
      </Card>
      <Card title={t.importTitle}>
        <PlansCsvImport locale={locale} t={t} />
      </Card>
    </div>
  );
}
