import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { requirePermission } from "@/lib/auth/session";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { sourcesAdminLink } from "@/lib/i18n/sources-messages";
import { ratesAdminLink } from "@/lib/i18n/rates-messages";
import { webhooksAdminLink } from "@/lib/i18n/webhooks-messages";
import { adSpendAdminLink, trafficTeamsAdminLink } from "@/lib/i18n/traffic-messages";
import { notificationsAdminLink } from "@/lib/i18n/notifications-messages";
import { auditAdminLink } from "@/lib/i18n/audit-messages";
import { modelsAdminLink } from "@/lib/i18n/models-messages";
import { aiAdminLink } from "@/lib/i18n/ai-messages";
import { displayMessages } from "@/lib/i18n/display-messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getDb } from "@/db/client";
import { isOperator } from "@/lib/hosted/operator";
import { hostedMessages } from "@/lib/i18n/hosted-messages";

export const generateMetadata = pageTitle("admin");

export default async function AdminPage() {
  const viewer = await requirePermission("users:manage");
  const locale = await resolveLocale(viewer);
  const t = adminMessages[locale];
  // Only pages that exist are linked; the rest of the section is announced, not promised by a dead link.
  const sections = [
    { href: "/admin/users", title: t.index.users, body: t.index.usersBody },
    { href: "/admin/organisation", title: t.index.organisation, body: t.index.organisationBody },
    { href: "/admin/sources", ...sourcesAdminLink(locale) },
    { href: "/admin/rates", ...ratesAdminLink(locale) },
    { href: "/admin/webhooks", ...webhooksAdminLink(locale) },
    { href: "/admin/traffic-teams", ...trafficTeamsAdminLink(locale) },
    { href: "/admin/ad-spend", ...adSpendAdminLink(locale) },
    { href: "/admin/notifications", ...notificationsAdminLink(locale) },
    { href: "/admin/ai", ...aiAdminLink(locale) },
    { href: "/admin/audit", ...auditAdminLink(locale) },
    { href: "/admin/models", ...modelsAdminLink(locale) },
    { href: "/admin/screens", title: displayMessages[locale].admin.title, body: displayMessages[locale].admin.indexBody },
    // Hosted mode's operator (docs/hosted.md): the organisations of the service.
    ...((await isOperator(await getDb(), viewer)) ? [{ href: "/operator", title: hostedMessages[locale].operator.title, body: hostedMessages[locale].operator.intro }] : []),
  ];
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} />
      <div className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <Link
            key={section.href}
            href={section.href}
            className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow"
          >
            <h2 className="font-semibold text-slate-900">{section.title}</h2>
            <p className="mt-1 text-sm text-slate-500">{section.body}</p>
          </Link>
        ))}
      </div>
    </div>
  );
}
