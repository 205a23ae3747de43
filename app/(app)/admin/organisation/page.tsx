import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { getOrgSettings } from "@/lib/org/settings";
import { countryOptions, currencyOptions, timeZoneOptions } from "./options";
import { OrgSettingsForm } from "./org-settings-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("organisation");

export default async function OrganisationPage() {
  const viewer = await requirePermission("org:update");
  const locale = await resolveLocale(viewer);
  const t = adminMessages[locale];
  const { name, baseCurrency, timezone, locale: orgLocale, country } = await getOrgSettings(await getDb(), viewer);
  const settings = { name, baseCurrency, timezone, locale: orgLocale, country };
  const options = {
    baseCurrency: currencyOptions(settings.baseCurrency, locale),
    timezone: timeZoneOptions(settings.timezone),
    country: countryOptions(settings.country, locale),
  };
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t.org.title} intro={t.org.intro} back={{ href: "/admin", label: t.backToAdmin }} />
      <Card>
        <OrgSettingsForm settings={settings} options={options} t={t.org} errors={t.errors.fields} saving={t.saving} locale={locale} />
      </Card>
    </div>
  );
}
