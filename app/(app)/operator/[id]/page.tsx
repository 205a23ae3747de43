// One organisation for hosted mode's operator (docs/hosted.md): its quotas, and deleting it after
// typing its name. Not found for anyone who is not an operator, for the operator's own organisation
// (which can be neither changed nor deleted here) and for an unknown id.
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/format";
import { isOperator } from "@/lib/hosted/operator";
import { listOrganisations } from "@/lib/hosted/organisations";
import { effectiveQuotas } from "@/lib/hosted/quota-limits";
import { fill } from "@/lib/i18n/fill";
import { hostedMessages } from "@/lib/i18n/hosted-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { DeleteOrganisationForm } from "./delete-form";
import { QuotaForm } from "./quota-form";

export default async function OperatorOrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const db = await getDb();
  if (!(await isOperator(db, viewer))) notFound();
  const { id } = await params;
  const org = (await listOrganisations(db)).find((row) => row.id === id);
  if (!org || org.id === viewer.orgId) notFound();
  const locale = await resolveLocale(viewer);
  const t = hostedMessages[locale].operator;
  const defaults = effectiveQuotas({ quotaSources: null, quotaUsers: null, quotaDeals: null });
  const sized = (value: number, limit: number) => `${formatNumber(value, locale)} / ${formatNumber(limit, locale)}`;
  const intro = fill(t.manageIntro, {
    created: formatDateTime(new Date(org.createdAt), viewer.org.timezone, locale),
    users: sized(org.size.users, org.quotas.users),
    sources: sized(org.size.sources, org.quotas.sources),
    deals: sized(org.size.deals, org.quotas.deals),
  });
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={org.name} intro={intro} back={{ href: "/operator", label: t.back }} />
      <Card title={t.quotasTitle}>
        <QuotaForm orgId={org.id} overrides={org.quotas.overrides} defaults={defaults} t={t} locale={locale} />
      </Card>
      <Card title={t.deleteTitle}>
        <DeleteOrganisationForm orgId={org.id} name={org.name} t={t} locale={locale} />
      </Card>
    </div>
  );
}
