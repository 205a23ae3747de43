// «Конструктор отчётов»: any whitelisted measures by up to two dimensions, within the viewer's scope
// (docs/builder.md). The state lives in the address; the island asks POST /api/reports/custom.
import { Suspense } from "react";
import { PageHeader } from "@/components/admin/page-header";
import { requireViewer } from "@/lib/auth/session";
import { builderMessages } from "@/lib/i18n/builder-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { BuilderClient } from "./builder-client";

export const generateMetadata = pageTitle("builder");
export const dynamic = "force-dynamic";

export default async function BuilderPage() {
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  const t = builderMessages[locale];
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} />
      <Suspense fallback={<p className="text-sm text-slate-500">{t.loading}</p>}>
        <BuilderClient locale={locale} t={t} />
      </Suspense>
    </div>
  );
}
