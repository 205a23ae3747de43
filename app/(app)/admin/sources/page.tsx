import { headers } from "next/headers";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { sourcesMessages } from "@/lib/i18n/sources-messages";
import { requestOrigin } from "@/lib/sources/inbound-url";
import { listSources } from "@/lib/sources/manage-sources";
import { SourcesClient } from "./sources-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("sources");
export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const viewer = await requirePermission("sources:manage");
  const locale = await resolveLocale(viewer);
  const t = sourcesMessages[locale];
  const sources = await listSources(await getDb(), viewer.orgId, requestOrigin(await headers()));
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} back={{ href: "/admin", label: adminMessages[locale].backToAdmin }} />
      <SourcesClient initialSources={sources} t={t} locale={locale} timezone={viewer.org.timezone} currency={viewer.org.baseCurrency} />
    </div>
  );
}
